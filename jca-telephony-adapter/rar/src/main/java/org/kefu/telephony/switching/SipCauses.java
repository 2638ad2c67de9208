package org.kefu.telephony.switching;

import org.kefu.telephony.ClearCause;
import org.kefu.telephony.sip.CallEnd;

/** Between SIP status codes and the switch-neutral causes of the API. */
final class SipCauses {

    private SipCauses() {
    }

    static int statusFor(ClearCause cause) {
        return switch (cause) {
            case BUSY -> 486;
            case REJECTED, FORCED -> 603;
            case UNREACHABLE -> 404;
            case OVERLOAD -> 503;
            case MEDIA_FAILURE -> 488;
            default -> 480;
        };
    }

    static ClearCause causeOf(int status) {
        return switch (status) {
            case 486, 600 -> ClearCause.BUSY;
            case 404, 410, 480, 484, 604 -> ClearCause.UNREACHABLE;
            case 408 -> ClearCause.NO_ANSWER;
            case 487 -> ClearCause.NORMAL;
            case 488, 606 -> ClearCause.MEDIA_FAILURE;
            case 503 -> ClearCause.OVERLOAD;
            case 603 -> ClearCause.REJECTED;
            default -> status >= 500 ? ClearCause.NETWORK_FAILURE : ClearCause.REJECTED;
        };
    }

    static ClearCause causeOf(CallEnd end, boolean wasAnswered) {
        return switch (end) {
            case CANCELLED -> wasAnswered ? ClearCause.NORMAL : ClearCause.ABANDONED;
            case TIMEOUT -> wasAnswered ? ClearCause.NETWORK_FAILURE : ClearCause.NO_ANSWER;
            case REJECTED -> ClearCause.REJECTED;
            case MAX_DURATION -> ClearCause.MAX_DURATION;
            case MEDIA_TIMEOUT -> ClearCause.MEDIA_TIMEOUT;
            case SESSION_EXPIRED -> ClearCause.SESSION_EXPIRED;
            default -> ClearCause.NORMAL;
        };
    }
}
