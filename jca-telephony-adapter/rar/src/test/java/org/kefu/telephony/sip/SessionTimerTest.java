package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** How the callee's 2xx sets our side of a session timer on a leg we placed (RFC 4028 section 7.4). */
class SessionTimerTest {

    private static Response ok(String sessionExpires) throws Exception {
        String raw = "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"
                + "From: <sip:8001@kefu>;tag=a\r\n"
                + "To: <sip:95500@kefu>;tag=b\r\n"
                + "Call-ID: st-1@kefu\r\n"
                + "CSeq: 1 INVITE\r\n"
                + (sessionExpires == null ? "" : "Session-Expires: " + sessionExpires + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        return new gov.nist.javax.sip.message.MessageFactoryImpl().createResponse(raw);
    }

    private static final class Leg extends SipCall {
        Leg() {
            super(null, "st-1@kefu");
        }

        @Override
        String transport() {
            return "udp";
        }

        @Override
        boolean isDeskPhone() {
            return false;
        }
    }

    @Test
    void theCalleeNamingItselfMustRefreshOrTheLegEndsBeforeExpiry() throws Exception {
        Leg leg = new Leg();
        SessionTimer.answered(leg, ok("120;refresher=uas"));
        long now = System.nanoTime();
        assertThat(leg.refreshAtNanos).isZero();
        // 120 - min(32, 40) = 88 s
        assertThat(leg.sessionDeadlineNanos - now).isBetween(TimeUnit.SECONDS.toNanos(85), TimeUnit.SECONDS.toNanos(88));
    }

    @Test
    void theCalleeNamingUsOrNobodyMeansWeRefreshAtHalfTheInterval() throws Exception {
        for (String se : new String[] {"600;refresher=uac", "600"}) {
            Leg leg = new Leg();
            SessionTimer.answered(leg, ok(se));
            long now = System.nanoTime();
            assertThat(leg.sessionDeadlineNanos).as(se).isZero();
            assertThat(leg.refreshAtNanos - now).as(se).isBetween(TimeUnit.SECONDS.toNanos(295), TimeUnit.SECONDS.toNanos(300));
        }
    }

    @Test
    void aCalleeWithoutTimersLeavesTheLegWithout() throws Exception {
        Leg leg = new Leg();
        leg.refreshAtNanos = 5;
        SessionTimer.answered(leg, ok(null));
        assertThat(leg.refreshAtNanos).isZero();
        assertThat(leg.sessionDeadlineNanos).isZero();
        SessionTimer.answered(leg, ok("soon"));
        assertThat(leg.sessionDeadlineNanos).as("an unreadable value changes nothing").isZero();
    }
}
