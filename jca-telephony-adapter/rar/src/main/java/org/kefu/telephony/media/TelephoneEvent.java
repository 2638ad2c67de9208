package org.kefu.telephony.media;

/**
 * The 4-byte payload of an RFC 4733 telephone-event packet (DTMF named events 0-15).
 * toString never shows the event: digits may be a PIN.
 */
public final class TelephoneEvent {
    private static final String DIGITS = "0123456789*#ABCD";

    private final int event;
    private final boolean end;
    private final int volume;
    private final int duration;

    public TelephoneEvent(int event, boolean end, int volume, int duration) {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone-event field out of range");
        }
        this.event = event;
        this.end = end;
        this.volume = volume;
        this.duration = duration;
    }

    /** @return the event, or null if the payload is shorter than 4 bytes */
    public static TelephoneEvent decode(byte[] payload) {
        if (payload == null || payload.length < 4) {
            return null;
        }
        return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** @return the DTMF character for this event, or 0 if it is not a DTMF event (e.g. flash, 16) */
    public char digit() {
        return event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }

    /** @return the event code for a DTMF character (0-9 * # A-D), or -1 */
    public static int eventCode(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }

    public static boolean isDtmf(char c) {
        return eventCode(c) >= 0;
    }

    public int event() {
        return event;
    }

    public boolean isEnd() {
        return end;
    }

    public int volume() {
        return volume;
    }

    /** Duration so far, in RTP timestamp units (1/8000 s). */
    public int duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "TelephoneEvent[end=" + end + ", duration=" + duration + "]";
    }
}
