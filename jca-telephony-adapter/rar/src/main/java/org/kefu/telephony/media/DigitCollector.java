package org.kefu.telephony.media;

import java.util.function.Consumer;

/**
 * Collects keypad digits for one IVR step according to a {@link DigitSpec} and delivers exactly one
 * {@link DigitResult}. Time comes from the caller (the media clock), which makes the timeouts exact
 * and testable without sleeping. While a prompt is playing the timers are held ({@link #holdTimers}),
 * because a caller cannot be expected to answer before the question has been asked; digits pressed
 * during the prompt (type-ahead) still count. Not thread-safe: driven by the media clock thread.
 */
public final class DigitCollector {
    private final DigitSpec spec;
    private final Consumer<DigitResult> onResult;
    private final StringBuilder digits = new StringBuilder();
    private long timerStart;
    private boolean held;
    private boolean done;

    public DigitCollector(DigitSpec spec, Consumer<DigitResult> onResult, long nowMillis) {
        this.spec = spec;
        this.onResult = onResult;
        this.timerStart = nowMillis;
    }

    /** Holds the timers while a prompt plays; releasing restarts the running timer from {@code now}. */
    public void holdTimers(boolean hold, long nowMillis) {
        if (held && !hold) {
            timerStart = nowMillis;
        }
        held = hold;
    }

    public void onDigit(char digit, long nowMillis) {
        if (done) {
            return;
        }
        if (spec.terminator() != 0 && Character.toUpperCase(digit) == spec.terminator()) {
            finish(DigitResult.Reason.TERMINATOR);
            return;
        }
        digits.append(digit);
        timerStart = nowMillis;
        if (digits.length() >= spec.maxDigits()) {
            finish(DigitResult.Reason.MAX_DIGITS);
        }
    }

    public void onTick(long nowMillis) {
        if (done || held) {
            return;
        }
        long timeout = digits.length() == 0 ? spec.firstDigitTimeoutMillis() : spec.interDigitTimeoutMillis();
        if (nowMillis - timerStart >= timeout) {
            finish(DigitResult.Reason.TIMEOUT);
        }
    }

    public void cancel() {
        if (!done) {
            finish(DigitResult.Reason.CANCELLED);
        }
    }

    public boolean isDone() {
        return done;
    }

    private void finish(DigitResult.Reason reason) {
        done = true;
        DigitResult result = new DigitResult(digits.toString(), reason);
        digits.setLength(0);
        onResult.accept(result);
    }

    @Override
    public String toString() {
        return "DigitCollector[" + spec + ", done=" + done + "]"; // never the digits
    }
}
