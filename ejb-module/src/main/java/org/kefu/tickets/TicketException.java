package org.kefu.tickets;

import jakarta.ejb.ApplicationException;

/** A refused ticket operation (unknown ticket, a move the workflow does not allow); rolls back. */
@ApplicationException(rollback = true)
public class TicketException extends RuntimeException {

    private final String code;

    public TicketException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** NO_SUCH_TICKET, BAD_TRANSITION or INVALID. */
    public String getCode() {
        return code;
    }
}
