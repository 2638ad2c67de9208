package org.kefu.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * How close a ticket is to its deadline: green, yellow when less than a share of its time is left
 * ({@code kefu.tickets.yellowShare}, 0.25 by default), red when it is past.
 */
public enum DeadlineColour {
    GREEN, YELLOW, RED;

    static final double YELLOW_SHARE = Double.parseDouble(System.getProperty("kefu.tickets.yellowShare", "0.25"));

    public static DeadlineColour of(Instant from, Instant deadline, Instant now) {
        return of(from, deadline, now, YELLOW_SHARE);
    }

    /** When a clock that started at {@code from} turns yellow: the head of the department is warned then. */
    public static Instant turnsYellowAt(Instant from, Instant deadline) {
        return turnsYellowAt(from, deadline, YELLOW_SHARE);
    }

    static Instant turnsYellowAt(Instant from, Instant deadline, double yellowShare) {
        long total = Math.max(1, Duration.between(from, deadline).toSeconds());
        return deadline.minusSeconds((long) Math.floor(total * yellowShare));
    }

    static DeadlineColour of(Instant from, Instant deadline, Instant now, double yellowShare) {
        if (!now.isBefore(deadline)) {
            return RED;
        }
        long total = Math.max(1, Duration.between(from, deadline).toSeconds());
        long left = Duration.between(now, deadline).toSeconds();
        return left < total * yellowShare ? YELLOW : GREEN;
    }
}
