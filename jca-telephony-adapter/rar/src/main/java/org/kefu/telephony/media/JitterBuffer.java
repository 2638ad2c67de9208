package org.kefu.telephony.media;

/**
 * Fixed-depth jitter buffer for 20 ms PCM frames, ordered by RTP sequence number (16-bit, with
 * wrap-around). Playout starts once {@code depth} frames are buffered; a missing frame is concealed
 * by repeating the previous one once at half level, then silence. If the sender's clock runs fast
 * and the buffer grows beyond {@code depth + slack}, the oldest frames are dropped to keep latency
 * bounded. A sequence jump far outside the window is taken as a stream restart (re-sync).
 * Thread-safe: offered by the receive thread, polled by the clock thread.
 */
public final class JitterBuffer {
    /** RFC 3550 A.1: beyond this many packets backwards a packet is a restart, not a straggler. */
    private static final int MAX_MISORDER = 100;

    public enum Offer { ACCEPTED, LATE, DUPLICATE, RESYNC }

    private final int depth;
    private final int capacity;
    private final int maxBuffered;
    private final RtpStats stats;
    private final short[][] frames;
    private final long[] seqs;
    private boolean started;
    private boolean prefilling = true;
    private long nextSeq; // extended sequence number of the next frame to play
    private long highest; // highest extended sequence number stored
    private boolean playedAny; // since start or re-sync
    private int buffered;
    private short[] lastPlayed;
    private int concealedInRow;

    /**
     * @param depth frames buffered before playout starts (3 = 60 ms is a good LAN/WAN default)
     * @param stats where late/lost/duplicate/overflow counts go
     */
    public JitterBuffer(int depth, RtpStats stats) {
        if (depth < 1 || depth > 25) {
            throw new IllegalArgumentException("depth must be 1..25 frames");
        }
        this.depth = depth;
        this.capacity = Math.max(16, depth * 4);
        this.maxBuffered = depth + Math.max(3, depth);
        this.stats = stats;
        this.frames = new short[capacity][];
        this.seqs = new long[capacity];
    }

    public synchronized Offer offer(int sequence, short[] frame) {
        sequence &= 0xFFFF;
        if (!started) {
            started = true;
            nextSeq = sequence + 0x10000L; // offset so re-basing backwards never goes negative
            highest = nextSeq;
        }
        int delta = (short) (sequence - (int) (nextSeq & 0xFFFF)); // signed distance with wrap-around
        if (delta < -MAX_MISORDER || delta >= capacity) {
            resync(sequence);
            store(sequence, frame);
            return Offer.RESYNC;
        }
        if (delta < 0 && !playedAny && highest - (nextSeq + delta) < capacity) {
            nextSeq += delta; // reordered before playout started: nothing played yet, start earlier
            delta = 0;
        }
        if (delta < 0) {
            stats.recordLate();
            return Offer.LATE;
        }
        long ext = nextSeq + delta;
        highest = Math.max(highest, ext);
        int slot = (int) (ext % capacity);
        if (frames[slot] != null && seqs[slot] == ext) {
            stats.recordDuplicate();
            return Offer.DUPLICATE;
        }
        if (frames[slot] == null) {
            buffered++;
        }
        frames[slot] = frame;
        seqs[slot] = ext;
        return Offer.ACCEPTED;
    }

    /** @return the frame to play now; never null (silence or concealment when nothing is there) */
    public synchronized short[] poll() {
        if (buffered == 0) {
            prefilling = true; // underrun: rebuild the cushion before playing again
            return conceal(false);
        }
        if (prefilling) {
            if (buffered < depth) {
                return Audio.silence();
            }
            prefilling = false;
            playedAny = true;
        }
        while (buffered > maxBuffered) { // sender faster than us: drop the oldest to cap latency
            if (take() != null) {
                stats.recordOverflow();
            } else {
                stats.recordLost();
            }
        }
        short[] frame = take();
        if (frame == null) {
            stats.recordLost();
            return conceal(true);
        }
        lastPlayed = frame;
        concealedInRow = 0;
        return frame;
    }

    public synchronized int buffered() {
        return buffered;
    }

    public int depth() {
        return depth;
    }

    private short[] take() {
        int slot = (int) (nextSeq % capacity);
        short[] frame = null;
        if (frames[slot] != null && seqs[slot] == nextSeq) {
            frame = frames[slot];
            frames[slot] = null;
            buffered--;
        }
        nextSeq++;
        return frame;
    }

    private short[] conceal(boolean loss) {
        if (loss && concealedInRow++ == 0 && lastPlayed != null) {
            short[] copy = new short[lastPlayed.length];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (short) (lastPlayed[i] / 2);
            }
            return copy;
        }
        return Audio.silence();
    }

    private void store(int sequence, short[] frame) {
        int slot = (int) (nextSeq % capacity);
        frames[slot] = frame;
        seqs[slot] = nextSeq;
        buffered++;
    }

    private void resync(int sequence) {
        java.util.Arrays.fill(frames, null);
        buffered = 0;
        nextSeq = sequence + 0x10000L;
        highest = nextSeq;
        prefilling = true;
        playedAny = false;
    }
}
