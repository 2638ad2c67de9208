package org.kefu.tickets;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineColourTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-05T00:00:00Z"); // 4 days later

    @Test
    void greenWhileMoreThanTheShareIsLeftYellowBelowItRedWhenPast() {
        assertThat(DeadlineColour.of(FROM, DEADLINE, Instant.parse("2026-12-03T00:00:00Z"), 0.25)).isEqualTo(DeadlineColour.GREEN);
        assertThat(DeadlineColour.of(FROM, DEADLINE, Instant.parse("2026-12-04T00:00:00Z"), 0.25)).isEqualTo(DeadlineColour.GREEN);
        assertThat(DeadlineColour.of(FROM, DEADLINE, Instant.parse("2026-12-04T00:00:01Z"), 0.25)).isEqualTo(DeadlineColour.YELLOW);
        assertThat(DeadlineColour.of(FROM, DEADLINE, DEADLINE, 0.25)).isEqualTo(DeadlineColour.RED);
        assertThat(DeadlineColour.of(FROM, DEADLINE, Instant.parse("2026-12-09T00:00:00Z"), 0.5)).isEqualTo(DeadlineColour.RED);
        assertThat(DeadlineColour.of(FROM, DEADLINE, Instant.parse("2026-12-03T00:00:01Z"), 0.5)).isEqualTo(DeadlineColour.YELLOW);
    }

    @Test
    void theHeadIsWarnedWhenTheClockTurnsYellow() {
        Instant warn = DeadlineColour.turnsYellowAt(FROM, DEADLINE, 0.25);
        assertThat(warn).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(DeadlineColour.of(FROM, DEADLINE, warn.plusSeconds(1), 0.25)).isEqualTo(DeadlineColour.YELLOW);
        assertThat(DeadlineColour.turnsYellowAt(FROM, DEADLINE, 0.5)).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }
}
