package org.kefu.telephony.media;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Plans RFC 4733 packets for digits we send (e.g. dialling into a bank's host IVR or an outside
 * voicemail). One call to {@link #next(long)} per 20 ms tick: while a digit is being sent it returns
 * the packet to send instead of audio (first with marker, growing duration, then the end packet
 * three times, as the RFC recommends for loss tolerance); between digits it returns null so audio
 * flows during the inter-digit gap. Not thread-safe except {@link #enqueue}/{@link #clear}.
 */
public final class DtmfSender {
    /** How one tick's telephone-event packet must be sent. */
    public static final class Step {
        private final TelephoneEvent event;
        private final boolean marker;
        private final long timestamp;

        Step(TelephoneEvent event, boolean marker, long timestamp) {
            this.event = event;
            this.marker = marker;
            this.timestamp = timestamp;
        }

        public TelephoneEvent event() {
            return event;
        }

        public boolean marker() {
            return marker;
        }

        /** RTP timestamp of the event start (the same for all packets of one digit). */
        public long timestamp() {
            return timestamp;
        }
    }

    private static final int VOLUME = 10; // -10 dBm0, a typical DTMF level
    private static final int END_REPEATS = 3;

    private final int toneFrames;
    private final int gapFrames;
    private final Queue<Character> queue = new ArrayDeque<>();
    private int event = -1;
    private long eventTimestamp;
    private int frame;
    private int gapLeft;

    /** @param toneMillis length of each tone (100 ms is common); @param gapMillis pause between digits */
    public DtmfSender(int toneMillis, int gapMillis) {
        this.toneFrames = Math.max(2, toneMillis / Audio.FRAME_MILLIS);
        this.gapFrames = Math.max(1, gapMillis / Audio.FRAME_MILLIS);
    }

    public DtmfSender() {
        this(100, 60);
    }

    public synchronized void enqueue(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (!TelephoneEvent.isDtmf(digits.charAt(i))) {
                throw new IllegalArgumentException("not a DTMF digit at position " + i);
            }
        }
        for (char c : digits.toCharArray()) {
            queue.add(Character.toUpperCase(c));
        }
    }

    public synchronized void clear() {
        queue.clear();
        event = -1;
        gapLeft = 0;
    }

    public synchronized boolean isIdle() {
        return event < 0 && queue.isEmpty() && gapLeft == 0;
    }

    /**
     * @param rtpTimestamp the RTP timestamp of this tick's packet
     * @return the event packet to send now, or null to send audio
     */
    public synchronized Step next(long rtpTimestamp) {
        if (event < 0) {
            if (gapLeft > 0) {
                gapLeft--;
                return null;
            }
            Character c = queue.poll();
            if (c == null) {
                return null;
            }
            event = TelephoneEvent.eventCode(c);
            eventTimestamp = rtpTimestamp;
            frame = 0;
        }
        frame++;
        Step step;
        if (frame <= toneFrames) {
            step = new Step(new TelephoneEvent(event, false, VOLUME, frame * Audio.FRAME_SAMPLES), frame == 1,
                    eventTimestamp);
        } else {
            step = new Step(new TelephoneEvent(event, true, VOLUME, toneFrames * Audio.FRAME_SAMPLES), false,
                    eventTimestamp);
            if (frame == toneFrames + END_REPEATS) {
                event = -1;
                gapLeft = gapFrames;
            }
        }
        return step;
    }
}
