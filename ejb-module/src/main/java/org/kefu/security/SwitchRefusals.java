package org.kefu.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.telephony.CallEvent;

/**
 * Puts what the switch refused for its protection (failed and blocked phone logins, outside numbers
 * above its dial ceiling, REFERs from legs that may not transfer, calls without the required SRTP,
 * calls over an extension's limit) on the audit trail beside the application's own refusals. The
 * switch has already answered on the wire and limits how many it reports per minute; this only
 * records. Every value may come from an attacker (a SIP From user, a Refer-To): each is clipped to
 * its column and kept printable ({@link AuditText}).
 */
@Stateless
@PermitAll
public class SwitchRefusals {

    @EJB
    private AuditLog audit;

    public void record(CallEvent.SecurityRefused refused) {
        // A summary's detail says how many it stands for already ("997 more not reported one by one …").
        audit.record(AuditText.clip(refused.actor(), 64), AuditText.clip(refused.action(), 64),
                AuditText.clip(refused.target(), 200), AuditOutcome.DENIED, AuditText.clip(refused.detail(), 1000),
                AuditText.clip(refused.source(), 64));
    }
}
