package org.kefu.telephony.sip;

/** The link could not start, or a SIP request could not be sent. */
public class SipLinkException extends RuntimeException {

    public SipLinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public SipLinkException(String message) {
        super(message);
    }
}
