package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitCollectorTest {
    private final List<DigitResult> results = new ArrayList<>();

    private DigitCollector collector(int max, char terminator, long first, long inter) {
        return new DigitCollector(new DigitSpec(max, terminator, first, inter), results::add, 0);
    }

    @Test
    void endsAtMaxDigits() {
        DigitCollector c = collector(4, '#', 5000, 3000);
        "1234".chars().forEach(d -> c.onDigit((char) d, 100));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.digits()).isEqualTo("1234");
            assertThat(r.reason()).isEqualTo(DigitResult.Reason.MAX_DIGITS);
        });
        c.onDigit('5', 200);
        c.onTick(100_000);
        assertThat(results).hasSize(1);
    }

    @Test
    void endsAtTerminatorWhichIsNotPartOfTheDigits() {
        DigitCollector c = collector(16, '#', 5000, 3000);
        "123456#".chars().forEach(d -> c.onDigit((char) d, 100));
        assertThat(results.get(0).digits()).isEqualTo("123456");
        assertThat(results.get(0).reason()).isEqualTo(DigitResult.Reason.TERMINATOR);
    }

    @Test
    void firstDigitTimeout() {
        DigitCollector c = collector(4, '#', 5000, 3000);
        c.onTick(4980);
        assertThat(results).isEmpty();
        c.onTick(5000);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(DigitResult.Reason.TIMEOUT);
            assertThat(r.isEmpty()).isTrue();
        });
    }

    @Test
    void interDigitTimeoutRestartsWithEachDigit() {
        DigitCollector c = collector(4, '#', 5000, 3000);
        c.onDigit('1', 4000);
        c.onTick(6980);
        c.onDigit('2', 6980);
        c.onTick(9960);
        assertThat(results).isEmpty();
        c.onTick(9980);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.digits()).isEqualTo("12");
            assertThat(r.reason()).isEqualTo(DigitResult.Reason.TIMEOUT);
        });
    }

    @Test
    void timersAreHeldWhilePromptPlays() {
        DigitCollector c = collector(4, '#', 5000, 3000);
        c.holdTimers(true, 0);
        c.onTick(60_000);
        assertThat(results).isEmpty();
        c.holdTimers(false, 60_000);
        c.onTick(64_980);
        assertThat(results).isEmpty();
        c.onTick(65_000);
        assertThat(results).hasSize(1);
    }

    @Test
    void cancelDeliversCancelledOnce() {
        DigitCollector c = collector(4, (char) 0, 5000, 3000);
        c.onDigit('#', 0); // no terminator configured: # is an ordinary key
        c.cancel();
        c.cancel();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(DigitResult.Reason.CANCELLED);
            assertThat(r.digits()).isEqualTo("#");
        });
    }

    @Test
    void toStringNeverShowsDigits() {
        DigitResult r = new DigitResult("123456", DigitResult.Reason.TERMINATOR);
        assertThat(r.toString()).doesNotContain("123456").contains("digitCount=6");
        DigitCollector c = collector(8, '#', 5000, 3000);
        c.onDigit('9', 0);
        assertThat(c.toString()).doesNotContain("9]").doesNotContain("=9");
    }

    @Test
    void specValidation() {
        assertThatThrownBy(() -> new DigitSpec(0, '#', 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigitSpec(4, 'x', 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigitSpec(4, '#', 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DigitSpec.menu().maxDigits()).isEqualTo(1);
    }
}
