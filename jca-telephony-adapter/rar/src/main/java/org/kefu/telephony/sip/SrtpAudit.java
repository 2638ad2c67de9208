package org.kefu.telephony.sip;

import org.jboss.logging.Logger;

/**
 * Every refusal the SRTP policy causes, on the audit log category ({@code org.kefu.audit.sip},
 * where the digest guard and the dial ceiling write theirs): who, from where, over which transport,
 * and why. Never the SDP itself: it may hold a key.
 */
final class SrtpAudit {
    private static final Logger AUDIT = Logger.getLogger("org.kefu.audit.sip");

    private SrtpAudit() {
    }

    static void refusedRegister(String extension, String transport, String source) {
        AUDIT.warnf("SRTP_REFUSED REGISTER extension=%s source=%s transport=%s: SrtpPolicy=required needs TLS (403)",
                extension, source, transport);
    }

    static void refusedInvite(InboundCall call, String transport, String source) {
        AUDIT.warnf("SRTP_REFUSED INVITE call=%s extension=%s source=%s transport=%s: SrtpPolicy=required needs TLS (488)",
                call.callId(), call.extension().orElse("?"), source, transport);
    }

    static void refusedOffer(SipCall call, String transport, SrtpPolicy policy, String reason) {
        String who = call instanceof InboundCall in
                ? (in.extension().map(e -> "extension=" + e).orElse("trunk") + " source=" + in.sourceAddress())
                : "outbound";
        AUDIT.warnf("SRTP_REFUSED offer call=%s %s transport=%s policy=%s: %s (488)",
                call.callId(), who, transport, policy.name().toLowerCase(java.util.Locale.ROOT), reason);
    }
}
