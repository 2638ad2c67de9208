package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AIMD admission of new calls, driven by a clock the test turns. */
class AdmissionRateTest {

    private static final long MS = 1_000_000L;

    /** Offers {@code perSecond} calls a second for {@code seconds}; returns how many were let in. */
    private static int offer(AdmissionRate rate, long[] now, int perSecond, double seconds, boolean overloaded) {
        int admitted = 0;
        long gap = 1_000_000_000L / perSecond;
        for (long i = 0; i < Math.round(perSecond * seconds); i++) {
            now[0] += gap;
            if (rate.admit(overloaded, now[0])) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void withoutOverloadEveryCallIsLetIn() {
        AdmissionRate rate = new AdmissionRate(20, 50, 5_000);
        long[] now = {1};
        assertThat(offer(rate, now, 3_000, 2, false)).isEqualTo(6_000);
        assertThat(rate.rate()).isEqualTo(AdmissionRate.UNLIMITED);
    }

    @Test
    void underOverloadTheRateFallsFromWhatWasLetInButNeverToNothing() {
        AdmissionRate rate = new AdmissionRate(20, 50, 5_000);
        long[] now = {1};
        offer(rate, now, 800, 2, false); // 800 calls a second go through
        int first = offer(rate, now, 3_000, 1, true); // a storm, and the switch says it is overloaded
        assertThat(rate.rate()).isLessThan(800).isGreaterThanOrEqualTo(20);
        assertThat(first).isGreaterThan(100).isLessThan(900);
        offer(rate, now, 3_000, 10, true); // a long overload: down to the floor, not below
        assertThat(rate.rate()).isEqualTo(20);
        int atFloor = offer(rate, now, 3_000, 1, true);
        assertThat(atFloor).isBetween(15, 30);
    }

    @Test
    void afterTheOverloadTheLimitGrowsBackAndIsLifted() {
        AdmissionRate rate = new AdmissionRate(20, 50, 5_000);
        long[] now = {1};
        offer(rate, now, 800, 2, false);
        offer(rate, now, 3_000, 12, true);
        assertThat(rate.rate()).isEqualTo(20);
        int second = offer(rate, now, 3_000, 1, false);
        assertThat(rate.rate()).isBetween(500.0, 540.0); // +50 every 100 ms
        assertThat(second).isGreaterThan(200);
        offer(rate, now, 3_000, 10, false);
        assertThat(rate.rate()).isEqualTo(AdmissionRate.UNLIMITED);
        assertThat(offer(rate, now, 3_000, 1, false)).isEqualTo(3_000);
        assertThat(now[0]).isGreaterThan(20 * 1000 * MS);
    }
}
