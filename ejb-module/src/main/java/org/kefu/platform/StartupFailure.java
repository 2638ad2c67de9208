package org.kefu.platform;

/**
 * A deployment-stopping condition whose message says everything an operator needs
 * (which resource, where, why). It carries no stack trace: the trace would only bury the line.
 */
public class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
