package org.kefu.acd;

import jakarta.ejb.ApplicationException;

/**
 * A soft-phone command the console cannot carry out, with a code the screens translate
 * (NOT_LOGGED_IN, NO_CALL, ANSWER_ON_PHONE, BAD_DESTINATION, AGENT_BUSY, BAD_DIGITS, SWITCH_REFUSED). Nothing changed.
 */
@ApplicationException(rollback = true)
public class SoftPhoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SoftPhoneException(String code, String detail) {
        super(code + (detail == null ? "" : ": " + detail));
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
