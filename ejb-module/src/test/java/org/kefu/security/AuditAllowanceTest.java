package org.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kefu.acd.routing.MutableClock;

class AuditAllowanceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final AuditAllowance allowance = new AuditAllowance(clock, 3, Duration.ofMinutes(1));

    @Test
    void aFewAreRecordedOneByOneAndTheRestAreToldWithTheNextWindowsFirst() {
        int recorded = 0;
        for (int i = 0; i < 500; i++) {
            if (allowance.next("1001").record()) {
                recorded++;
            }
        }
        assertThat(recorded).isEqualTo(3);
        clock.advanceSeconds(61);
        AuditAllowance.Verdict next = allowance.next("1001");
        assertThat(next.record()).isTrue();
        assertThat(next.leftOutBefore()).isEqualTo(497);
        assertThat(allowance.next("1001").leftOutBefore()).as("told once").isZero();
    }

    @Test
    void eachKeyHasItsOwnAllowanceAndIdleKeysAreForgotten() {
        for (int i = 0; i < 3; i++) {
            allowance.next("1001");
        }
        assertThat(allowance.next("1001").record()).isFalse();
        assertThat(allowance.next("bo").record()).as("another login").isTrue();
        clock.advanceSeconds(61);
        allowance.sweep();
        assertThat(allowance.next("bo").leftOutBefore()).isZero();
        assertThat(allowance.next("1001").leftOutBefore()).as("1001's count was kept until told").isEqualTo(1);
    }

    @Test
    void queueNamesAreTheOnesClientsKnow() {
        assertThat(BrokerRefusals.queueName("jms.queue.kefu.backoffice.in")).isEqualTo("kefu.backoffice.in");
        assertThat(BrokerRefusals.queueName("kefu.other")).isEqualTo("kefu.other");
        assertThat(BrokerRefusals.queueName(null)).isNull();
    }
}
