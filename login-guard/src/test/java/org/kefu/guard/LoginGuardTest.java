package org.kefu.guard;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's rules on a clock the test moves: delay, lock, account lock, per-address block. */
class LoginGuardTest {

    private static final String ADMIN = "1006";
    private static final String DESK = "10.0.0.5";
    private static final String ATTACKER = "203.0.113.9";

    private final MutableClock clock = new MutableClock();
    private final LoginGuard guard = new LoginGuard(LoginGuard.Policy.defaults(), clock);

    @Test
    void delaysGrowFromTheThirdFailureAndTheFifthLocksForFifteenMinutes() {
        guard.failed(ADMIN, ATTACKER, true);
        guard.failed(ADMIN, ATTACKER, true);
        assertThat(guard.check(ADMIN, ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
        guard.failed(ADMIN, ATTACKER, true);
        assertThat(guard.check(ADMIN, ATTACKER)).isEqualTo(new LoginGuard.Decision(LoginGuard.Verdict.DELAY, 1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.check(ADMIN, ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
        guard.failed(ADMIN, ATTACKER, true);
        assertThat(guard.check(ADMIN, ATTACKER)).isEqualTo(new LoginGuard.Decision(LoginGuard.Verdict.DELAY, 2));
        clock.advance(Duration.ofSeconds(2));
        LoginGuard.Failure fifth = guard.failed(ADMIN, ATTACKER, true);
        assertThat(fifth.pairLocked()).isTrue();
        assertThat(guard.check(ADMIN, ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.LOCKED);
        // The lock is for the attacker's address only: the administrator's desk is not locked out.
        assertThat(guard.check(ADMIN, DESK).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
        clock.advance(Duration.ofMinutes(15));
        assertThat(guard.check(ADMIN, ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
    }

    @Test
    void guessingFromManyAddressesLocksTheAccountButNotWhereItSignsInFrom() {
        guard.succeeded(ADMIN, DESK);
        for (int i = 0; i < 10; i++) {
            guard.failed(ADMIN, "198.51.100." + i, true);
        }
        assertThat(guard.check(ADMIN, "198.51.100.200").verdict()).isEqualTo(LoginGuard.Verdict.LOCKED);
        assertThat(guard.check(ADMIN, DESK).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
        clock.advance(Duration.ofMinutes(15));
        assertThat(guard.check(ADMIN, "198.51.100.200").verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
    }

    @Test
    void anAddressThatSpraysManyAccountsIsBlockedForEveryAccount() {
        List<LoginGuard.Failure> failures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            failures.add(guard.failed("user" + i, ATTACKER, false));
        }
        assertThat(failures.get(29).sourceBlocked()).isTrue();
        assertThat(guard.check("someone-else", ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.SOURCE_BLOCKED);
        assertThat(guard.check("someone-else", DESK).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
        assertThat(guard.blockedSources()).containsExactly(ATTACKER);
        clock.advance(Duration.ofMinutes(15));
        assertThat(guard.check("someone-else", ATTACKER).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        for (int i = 0; i < 29; i++) {
            guard.failed("user" + i, ATTACKER, false);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(guard.failed("late", ATTACKER, false).sourceBlocked()).isFalse();
    }

    @Test
    void successResetsTheCountAndUnlockClearsLocks() {
        guard.failed(ADMIN, DESK, true);
        guard.failed(ADMIN, DESK, true);
        guard.succeeded(ADMIN, DESK);
        assertThat(guard.failed(ADMIN, DESK, true).inARow()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(1));
            guard.failed(ADMIN, DESK, true);
        }
        assertThat(guard.check(ADMIN, DESK).verdict()).isEqualTo(LoginGuard.Verdict.LOCKED);
        guard.unlock(ADMIN);
        assertThat(guard.check(ADMIN, DESK).verdict()).isEqualTo(LoginGuard.Verdict.ALLOW);
    }

    @Test
    void addressesAreNormalized() {
        assertThat(LoginGuard.normalize("/127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(LoginGuard.normalize("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(LoginGuard.normalize(null)).isEqualTo("unknown");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
