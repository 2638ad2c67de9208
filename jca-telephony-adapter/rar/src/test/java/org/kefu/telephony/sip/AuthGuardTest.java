package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthGuardTest {

    final DigestAuthenticatorTest.MutableClock clock = new DigestAuthenticatorTest.MutableClock();
    final AuthGuard guard = new AuthGuard(clock, 3, 5, Duration.ofMinutes(10), Duration.ofMinutes(15));

    @Test
    void aGuessingSourceIsBlockedForAWhileAndThenForgotten() {
        for (int i = 0; i < 2; i++) {
            guard.failed("203.0.113.9", "8001", "REGISTER");
        }
        assertThat(guard.blocked("203.0.113.9", "8001", (e, h) -> false)).isFalse();
        guard.failed("203.0.113.9", "8002", "REGISTER");
        assertThat(guard.blocked("203.0.113.9", "8003", (e, h) -> false)).as("any extension, from that source").isTrue();
        assertThat(guard.blocked("198.51.100.7", "8003", (e, h) -> false)).as("other sources").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(guard.blocked("203.0.113.9", "8001", (e, h) -> false)).isFalse();
        guard.sweep();
        assertThat(guard.tracked()).isZero();
    }

    @Test
    void guessingOneExtensionFromManySourcesLocksOnlyStrangersOut() {
        for (int i = 0; i < 5; i++) {
            guard.failed("203.0.113." + i, "8001", "INVITE"); // a botnet: each source below its own limit
        }
        assertThat(guard.blocked("203.0.113.77", "8001", (e, h) -> false)).isTrue();
        assertThat(guard.blocked("192.168.1.20", "8001", (e, h) -> h.equals("192.168.1.20")))
                .as("the phone registered from its usual address still gets in").isFalse();
        assertThat(guard.blocked("203.0.113.77", "8002", (e, h) -> false)).isFalse();
    }

    @Test
    void aSuccessClearsTheSourcesCount() {
        guard.failed("192.168.1.20", "8001", "REGISTER");
        guard.failed("192.168.1.20", "8001", "REGISTER");
        guard.succeeded("192.168.1.20");
        guard.failed("192.168.1.20", "8001", "REGISTER");
        assertThat(guard.blocked("192.168.1.20", "8001", (e, h) -> false)).isFalse();
    }
}
