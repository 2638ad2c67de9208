package org.kefu.telephony.sip;

/**
 * Every refusal the SRTP policy causes, reported as {@code SRTP_REFUSED} to the link's
 * {@link RefusalAudit} (where the digest guard and the dial ceiling report theirs): who, from where,
 * over which transport, and why. Never the SDP itself: it may hold a key.
 */
final class SrtpAudit {

    private SrtpAudit() {
    }

    static void refusedRegister(RefusalAudit audit, String extension, String transport, String source) {
        audit.refused("SRTP_REFUSED", extension, extension, source,
                "REGISTER over " + transport + ": SrtpPolicy=required needs TLS (403)");
    }

    static void refusedInvite(RefusalAudit audit, InboundCall call, String transport, String source) {
        String extension = call.extension().orElse(null);
        audit.refused("SRTP_REFUSED", extension, call.dnis(), source,
                "INVITE call=" + call.callId() + " over " + transport + ": SrtpPolicy=required needs TLS (488)");
    }

    static void refusedOffer(RefusalAudit audit, SipCall call, String transport, SrtpPolicy policy, String reason) {
        String actor = call instanceof InboundCall in ? in.extension().orElse(in.ani()) : null;
        String source = call instanceof InboundCall in ? in.sourceAddress() : null;
        String target = call instanceof InboundCall in ? in.dnis() : null;
        String from = call instanceof InboundCall in
                ? in.extension().map(e -> "from extension " + e).orElse("from trunk") : "to an outside party";
        audit.refused("SRTP_REFUSED", actor, target, source, "offer call=" + call.callId() + " " + from + " over " + transport
                + " policy=" + policy.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason + " (488)");
    }
}
