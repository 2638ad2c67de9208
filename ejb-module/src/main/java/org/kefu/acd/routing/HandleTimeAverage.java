package org.kefu.acd.routing;

import java.time.Duration;

/**
 * A queue's recent average handle time (talk plus wrap-up), for expected-wait announcements.
 * Exponentially weighted so that it follows the day's shifts without storing past calls; it starts
 * from a configured guess until the first call has been handled.
 */
final class HandleTimeAverage {

    /** Weight of the newest call: about the last ten calls dominate. */
    private static final double ALPHA = 0.2;

    private double millis;
    private boolean measured;

    HandleTimeAverage(Duration initialGuess) {
        this.millis = initialGuess.toMillis();
    }

    void add(Duration handleTime) {
        long sample = Math.max(0, handleTime.toMillis());
        millis = measured ? ALPHA * sample + (1 - ALPHA) * millis : sample;
        measured = true;
    }

    Duration current() {
        return Duration.ofMillis(Math.round(millis));
    }
}
