package org.kefu.telephony.media;

/**
 * What an IVR step wants from the caller's keypad: at most {@code maxDigits} digits, optionally
 * ended early by a terminator key (usually '#'), with a timeout for the first digit and one between
 * digits. Timeouts are in milliseconds, counted on the media clock (20 ms resolution).
 */
public final class DigitSpec {
    private final int maxDigits;
    private final char terminator;
    private final long firstDigitTimeoutMillis;
    private final long interDigitTimeoutMillis;

    /** @param terminator the key that ends input, or 0 for none */
    public DigitSpec(int maxDigits, char terminator, long firstDigitTimeoutMillis, long interDigitTimeoutMillis) {
        if (maxDigits < 1 || maxDigits > 64) {
            throw new IllegalArgumentException("maxDigits must be 1..64");
        }
        if (terminator != 0 && !TelephoneEvent.isDtmf(terminator)) {
            throw new IllegalArgumentException("terminator must be a DTMF key or 0");
        }
        if (firstDigitTimeoutMillis <= 0 || interDigitTimeoutMillis <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.maxDigits = maxDigits;
        this.terminator = terminator;
        this.firstDigitTimeoutMillis = firstDigitTimeoutMillis;
        this.interDigitTimeoutMillis = interDigitTimeoutMillis;
    }

    /** One menu choice: a single key, 5 s to press it. */
    public static DigitSpec menu() {
        return new DigitSpec(1, (char) 0, 5000, 5000);
    }

    /** A number of up to {@code max} digits ended by '#', 10 s to start and 5 s between digits. */
    public static DigitSpec upTo(int max) {
        return new DigitSpec(max, '#', 10_000, 5000);
    }

    public int maxDigits() {
        return maxDigits;
    }

    public char terminator() {
        return terminator;
    }

    public long firstDigitTimeoutMillis() {
        return firstDigitTimeoutMillis;
    }

    public long interDigitTimeoutMillis() {
        return interDigitTimeoutMillis;
    }

    @Override
    public String toString() {
        return "DigitSpec[max=" + maxDigits + ", terminator=" + (terminator == 0 ? "none" : String.valueOf(terminator))
                + ", first=" + firstDigitTimeoutMillis + "ms, inter=" + interDigitTimeoutMillis + "ms]";
    }
}
