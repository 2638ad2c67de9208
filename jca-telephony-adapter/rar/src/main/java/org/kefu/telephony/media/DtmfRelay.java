package org.kefu.telephony.media;

import java.util.Locale;

/**
 * Parser for SIP INFO DTMF bodies, the fallback some phones use instead of RFC 4733:
 * {@code application/dtmf-relay} ("Signal=5\r\nDuration=160") and {@code application/dtmf} ("5").
 * Duration is in milliseconds; 250 ms is assumed when absent. toString hides the digit.
 */
public final class DtmfRelay {
    private static final int DEFAULT_DURATION = 250;

    private final char digit;
    private final int durationMillis;

    private DtmfRelay(char digit, int durationMillis) {
        this.digit = digit;
        this.durationMillis = durationMillis;
    }

    /**
     * @param contentType the Content-Type of the INFO (parameters allowed), e.g. "application/dtmf-relay"
     * @throws IllegalArgumentException if the body carries no valid DTMF signal (the message never echoes it)
     */
    public static DtmfRelay parse(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (body == null) {
            throw new IllegalArgumentException("empty DTMF INFO body");
        }
        if ("application/dtmf".equals(type)) {
            return new DtmfRelay(signal(body.trim()), DEFAULT_DURATION);
        }
        if (!"application/dtmf-relay".equals(type)) {
            throw new IllegalArgumentException("unsupported DTMF INFO content type: " + type);
        }
        Character digit = null;
        int duration = DEFAULT_DURATION;
        for (String line : body.split("\r\n|\n|\r")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            if ("signal".equals(key)) {
                digit = signal(value);
            } else if ("duration".equals(key)) {
                try {
                    duration = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid Duration in dtmf-relay body");
                }
                if (duration < 0 || duration > 60_000) {
                    throw new IllegalArgumentException("Duration out of range in dtmf-relay body");
                }
            }
        }
        if (digit == null) {
            throw new IllegalArgumentException("no Signal in dtmf-relay body");
        }
        return new DtmfRelay(digit, duration);
    }

    /** Accepts "5", "*", "#", "A".."D" and the numeric forms "10" (*) and "11" (#) some phones send. */
    private static char signal(String value) {
        if (value.length() == 1 && TelephoneEvent.isDtmf(value.charAt(0))) {
            return Character.toUpperCase(value.charAt(0));
        }
        if ("10".equals(value)) {
            return '*';
        }
        if ("11".equals(value)) {
            return '#';
        }
        throw new IllegalArgumentException("invalid DTMF Signal in INFO body");
    }

    /**
     * The {@code application/dtmf-relay} body for one key press, as phones send it:
     * {@code "Signal=5\r\nDuration=100\r\n"}.
     *
     * @throws IllegalArgumentException if {@code digit} is not 0-9 * # A-D (the message never echoes it)
     */
    public static String relayBody(char digit, int durationMillis) {
        if (!TelephoneEvent.isDtmf(digit)) {
            throw new IllegalArgumentException("not a DTMF digit");
        }
        if (durationMillis < 1 || durationMillis > 60_000) {
            throw new IllegalArgumentException("Duration out of range");
        }
        return "Signal=" + Character.toUpperCase(digit) + "\r\nDuration=" + durationMillis + "\r\n";
    }

    public char digit() {
        return digit;
    }

    public int durationMillis() {
        return durationMillis;
    }

    @Override
    public String toString() {
        return "DtmfRelay[duration=" + durationMillis + "ms]";
    }
}
