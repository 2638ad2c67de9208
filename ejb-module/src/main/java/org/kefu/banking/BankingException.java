package org.kefu.banking;

import jakarta.ejb.ApplicationException;

/**
 * A refused banking request with its {@link BankingError}. An application exception with
 * rollback, so that a refusal anywhere in an operation undoes whatever it had begun in the
 * ledger, the journal and the outgoing messages.
 */
@ApplicationException(rollback = true)
public class BankingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final BankingError error;

    public BankingException(BankingError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public BankingError getError() {
        return error;
    }
}
