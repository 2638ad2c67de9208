package org.kefu.acd;

import jakarta.ejb.ApplicationException;

/** The dial policy refused a number (already audited); nothing was dialled. */
@ApplicationException(rollback = false)
public class DialRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DialRefused(String message) {
        super(message);
    }
}
