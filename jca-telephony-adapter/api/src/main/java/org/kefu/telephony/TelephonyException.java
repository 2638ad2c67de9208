package org.kefu.telephony;

/** A call-control command could not be carried out; the message says why in plain words. */
public class TelephonyException extends Exception {

    private static final long serialVersionUID = 1L;

    public TelephonyException(String message) {
        super(message);
    }

    public TelephonyException(String message, Throwable cause) {
        super(message, cause);
    }
}
