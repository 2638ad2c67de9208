package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalAuditTest {

    final DigestAuthenticatorTest.MutableClock clock = new DigestAuthenticatorTest.MutableClock();
    final List<RefusalAudit.Refusal> reported = new ArrayList<>();
    final RefusalAudit audit = new RefusalAudit(clock, 3, Duration.ofMinutes(1), reported::add);

    @Test
    void aFloodCostsAFewReportsAndOneSummaryPerWindow() {
        for (int i = 0; i < 1000; i++) {
            audit.refused("SIP_LOGIN_FAILED", "8001", "8001", "203.0.113.9", "REGISTER with a wrong digest (403)");
        }
        assertThat(reported).hasSize(3).allSatisfy(r -> assertThat(r.occurrences()).isEqualTo(1));
        assertThat(audit.unreported()).isEqualTo(997);

        audit.flush();
        assertThat(reported).as("the window has not ended").hasSize(3);
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        audit.flush();
        assertThat(reported).hasSize(4);
        RefusalAudit.Refusal summary = reported.get(3);
        assertThat(summary.occurrences()).isEqualTo(997);
        assertThat(summary.action()).isEqualTo("SIP_LOGIN_FAILED");
        assertThat(summary.source()).isEqualTo("203.0.113.9");
        assertThat(summary.detail()).startsWith("997 more not reported one by one within 60 s");
        assertThat(audit.unreported()).isZero();
    }

    @Test
    void eachKindHasItsOwnAllowance() {
        for (int i = 0; i < 5; i++) {
            audit.refused("SIP_LOGIN_FAILED", "8001", "8001", "203.0.113.9", "x");
            audit.refused("DIAL_REFUSED", "8002", "0044207946000", null, "y");
        }
        assertThat(reported).filteredOn(r -> r.action().equals("DIAL_REFUSED")).hasSize(3);
        assertThat(reported).filteredOn(r -> r.action().equals("SIP_LOGIN_FAILED")).hasSize(3);
    }

    @Test
    void theNextWindowReportsOneByOneAgainAfterTheSummary() {
        for (int i = 0; i < 4; i++) {
            audit.refused("REFER_REFUSED", "13800138000", "sip:0044@x", "198.51.100.7", "r" + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        audit.refused("REFER_REFUSED", "13800138000", "sip:0044@x", "198.51.100.7", "later");
        assertThat(reported).extracting(RefusalAudit.Refusal::occurrences).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(reported.get(3).detail()).as("the summary of the first window, one left out")
                .startsWith("1 more not reported").contains("r3");
        assertThat(reported.get(4).detail()).isEqualTo("later");
    }

    @Test
    void aFailingSinkDoesNotReachTheCaller() {
        RefusalAudit broken = new RefusalAudit(clock, 3, Duration.ofMinutes(1), r -> {
            throw new IllegalStateException("no listener");
        });
        broken.refused("SRTP_REFUSED", "8001", "8001", "192.0.2.1", "z"); // no exception
    }
}
