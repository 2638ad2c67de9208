package org.kefu.telephony.sip;

/** The media engine's reply to a remote offer: an SDP answer, or why the offer is unacceptable (→ 488). */
public record SdpAnswer(String sdp, String rejectReason) {

    public static SdpAnswer accept(String sdp) {
        return new SdpAnswer(sdp, null);
    }

    public static SdpAnswer reject(String reason) {
        return new SdpAnswer(null, reason);
    }

    public boolean accepted() {
        return sdp != null;
    }
}
