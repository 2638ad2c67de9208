package org.kefu.crm;

import jakarta.ejb.ApplicationException;

/** A contact record or customer that cannot be stored as asked; the code is translated on screen. */
@ApplicationException(rollback = true)
public class ContactRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ContactRecordException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
