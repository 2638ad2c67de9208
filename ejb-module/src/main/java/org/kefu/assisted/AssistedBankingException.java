package org.kefu.assisted;

import jakarta.ejb.ApplicationException;

/** Assisted banking refused before the bank was asked (NO_CALL, UNKNOWN_ACCOUNT, NOT_VERIFIED, SWITCH_REFUSED). */
@ApplicationException(rollback = true)
public class AssistedBankingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public AssistedBankingException(String code) {
        super(code);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
