package org.kefu.telephony.sip;

/** SDP stream direction (RFC 3264); hold is SENDONLY (or INACTIVE), retrieve is SENDRECV. */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public String attribute() {
        return name().toLowerCase();
    }
}
