package org.kefu.telephony.sip;

/** An outbound call ended without being answered; statusCode is the SIP final response (408 for a timeout). */
public class CallFailedException extends RuntimeException {

    private final int statusCode;

    public CallFailedException(int statusCode, String reason) {
        super(statusCode + " " + reason);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
