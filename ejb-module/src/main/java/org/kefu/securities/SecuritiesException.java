package org.kefu.securities;

import jakarta.ejb.ApplicationException;

/** A refused securities request; rolls back whatever the operation had begun. */
@ApplicationException(rollback = true)
public class SecuritiesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SecuritiesError error;

    public SecuritiesException(SecuritiesError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public SecuritiesError getError() {
        return error;
    }
}
