package org.kefu.callflow.routing;

/** An administrator's change that cannot be made (nothing was changed). */
public class RoutingRuleException extends Exception {

    private final boolean notFound;

    public RoutingRuleException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
