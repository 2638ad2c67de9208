package org.kefu.telephony;

import java.io.Serializable;
import java.time.Duration;

/**
 * What to collect from a caller's keypad.
 *
 * @param maxDigits       stop after this many digits (1..64)
 * @param terminator      a key that ends input early ('#' usually), or 0 for none
 * @param firstDigit      how long to wait for the first key
 * @param interDigit      how long to wait between keys
 * @param secret          true for PINs and card numbers: never logged, never recorded
 */
public record DigitCollection(int maxDigits, char terminator, Duration firstDigit, Duration interDigit,
                              boolean secret) implements Serializable {

    public DigitCollection {
        if (maxDigits < 1 || maxDigits > 64) {
            throw new IllegalArgumentException("maxDigits must be 1..64, not " + maxDigits);
        }
        if (terminator != 0 && "0123456789*#".indexOf(terminator) < 0) {
            throw new IllegalArgumentException("terminator must be a keypad key");
        }
        if (firstDigit.isNegative() || interDigit.isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative");
        }
    }

    public static DigitCollection of(int maxDigits) {
        return new DigitCollection(maxDigits, '#', Duration.ofSeconds(8), Duration.ofSeconds(5), false);
    }

    public DigitCollection secretly() {
        return new DigitCollection(maxDigits, terminator, firstDigit, interDigit, true);
    }
}
