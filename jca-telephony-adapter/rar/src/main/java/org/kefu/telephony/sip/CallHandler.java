package org.kefu.telephony.sip;

/**
 * The application side of inbound calls (the resource adapter bridges it to the endpoints / ACD).
 * Every method runs on the application executor supplied to {@link SipLink}, never on a SIP stack thread.
 */
public interface CallHandler {

    /**
     * Why the switch takes no new call at all now (no application listening, work stuck, the call
     * limit), or null when it may. Asked on the SIP thread for every new INVITE before anything is
     * allocated, so it must be cheap and never block; a refusal is answered 503 with Retry-After.
     *
     * @param sourceHost the address the INVITE came from (null if unknown)
     * @param sourcePort its port
     */
    default String refusal(String sourceHost, int sourcePort) {
        return null;
    }

    /**
     * Why the switch is overloaded now (events or work waiting too long, media running late), or
     * null: while it is, new calls are let in at a reduced rate ({@code AdmissionRate}). Cheap, never blocks.
     */
    default String overload() {
        return null;
    }

    /** Whether a new INVITE from there is let in whatever the load (the switch's own warm-up calls). */
    default boolean exempt(String sourceHost, int sourcePort) {
        return false;
    }

    /**
     * A new call from a trunk or an authenticated extension. 100 Trying has been sent already.
     * The handler must eventually call ringing/answer/reject on the call (or the caller will CANCEL).
     */
    void onInvite(InboundCall call);

    /** The caller gave up before answer; 487 has been sent. */
    default void onCancel(InboundCall call) {
    }

    /** The ACK for our 200 arrived: the call is established. */
    default void onEstablished(SipCall call) {
    }

    /** The far end hung up (BYE answered with 200). */
    default void onHangup(SipCall call) {
    }

    /**
     * A phone asked to transfer the call (REFER, already answered with 202 Accepted and a NOTIFY
     * "100 Trying"). The application decides whether to place the new call, and returns the SIP
     * status the referrer is told in the final NOTIFY (RFC 3515): 200 when the call went to the
     * target, else a failure (404 unknown target, 503 refused...). A leg hung up while the REFER is
     * pending reports 200 first: being released is how a blind transfer ends for the referrer.
     */
    default int onRefer(SipCall call, String referTo) {
        return 501;
    }

    /** The far end put the call on hold / retrieved it (re-INVITE already answered). */
    default void onMediaChange(SipCall call, MediaDirection remoteDirection) {
    }
}
