package org.kefu.outbound;

import jakarta.ejb.ApplicationException;

/** A change to the do-not-call list that cannot be made (a bad number or reason, no such customer); nothing changed. */
@ApplicationException(rollback = true)
public class DoNotCallRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    public DoNotCallRefused(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
