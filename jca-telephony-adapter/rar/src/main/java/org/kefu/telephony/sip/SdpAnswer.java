package org.kefu.telephony.sip;

/**
 * The media engine's reply to a remote offer: an SDP answer, or why the offer is unacceptable (→ 488).
 *
 * @param policyRefusal the offer was refused by the SRTP policy (not for a codec or an address):
 *                      the SIP layer writes those to the audit log
 */
public record SdpAnswer(String sdp, String rejectReason, boolean policyRefusal) {

    public static SdpAnswer accept(String sdp) {
        return new SdpAnswer(sdp, null, false);
    }

    public static SdpAnswer reject(String reason) {
        return new SdpAnswer(null, reason, false);
    }

    /** Refused because of the SRTP policy or because keys would travel in clear. */
    public static SdpAnswer refuse(String reason) {
        return new SdpAnswer(null, reason, true);
    }

    public boolean accepted() {
        return sdp != null;
    }
}
