package org.kefu.telephony.media;

/**
 * Counters of one RTP session, written by the receive thread and the clock thread and read by
 * anyone (monitoring, RTCP). Sequence and jitter bookkeeping follow RFC 3550 appendix A.1/A.8 so
 * that the receiver report blocks we send are what peers expect. All methods are synchronized: the
 * cost is one uncontended lock per packet.
 */
public final class RtpStats {
    private long packetsSent;
    private long octetsSent;
    private long packetsReceived;
    private long octetsReceived;
    private long malformed;
    private long wrongSource;
    private long unknownPayloadType;
    private long duplicates;
    private long late;
    private long lost;
    private long overflow;
    /** SRTP/SRTCP packets whose authentication tag did not verify (forged, tampered, or the wrong key). */
    private long authFailures;
    /** SRTP/SRTCP packets seen before (replayed) or too old for the replay window. */
    private long replays;

    // RFC 3550 A.1 sequence state
    private boolean seqInitialised;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long expectedPrior;
    private long receivedPrior;
    // RFC 3550 A.8 interarrival jitter, in timestamp units (scaled by 16 as in the RFC code)
    private long lastTransit;
    private boolean transitInitialised;
    private long jitterScaled;
    // What the peer told us about our stream (RTCP report blocks about our SSRC)
    private int remoteFractionLost = -1;
    private long remoteCumulativeLost;
    private long remoteJitter;

    public synchronized void recordSent(int payloadBytes) {
        packetsSent++;
        octetsSent += payloadBytes;
    }

    /**
     * @param arrivalTimestamp arrival time converted to RTP timestamp units (8 kHz clock)
     */
    public synchronized void recordReceived(int sequence, long rtpTimestamp, long arrivalTimestamp, int payloadBytes) {
        packetsReceived++;
        octetsReceived += payloadBytes;
        if (!seqInitialised) {
            seqInitialised = true;
            baseSeq = sequence;
            maxSeq = sequence;
        } else {
            int delta = (sequence - maxSeq) & 0xFFFF;
            if (delta != 0 && delta < 0x8000) {
                if (sequence < maxSeq) {
                    cycles += 0x10000; // wrapped
                }
                maxSeq = sequence;
            }
        }
        long transit = arrivalTimestamp - rtpTimestamp;
        if (transitInitialised) {
            long d = Math.abs(transit - lastTransit);
            jitterScaled += d - ((jitterScaled + 8) >> 4);
        }
        lastTransit = transit;
        transitInitialised = true;
    }

    public synchronized void recordMalformed() {
        malformed++;
    }

    public synchronized void recordWrongSource() {
        wrongSource++;
    }

    public synchronized void recordUnknownPayloadType() {
        unknownPayloadType++;
    }

    public synchronized void recordDuplicate() {
        duplicates++;
    }

    public synchronized void recordLate() {
        late++;
    }

    public synchronized void recordLost() {
        lost++;
    }

    public synchronized void recordOverflow() {
        overflow++;
    }

    public synchronized void recordAuthFailure() {
        authFailures++;
    }

    public synchronized void recordReplay() {
        replays++;
    }

    public synchronized long authFailures() {
        return authFailures;
    }

    public synchronized long replays() {
        return replays;
    }

    synchronized void recordRemoteReport(RtcpPacket.ReportBlock block) {
        remoteFractionLost = block.fractionLost();
        remoteCumulativeLost = block.cumulativeLost();
        remoteJitter = block.jitter();
    }

    /** Builds the report block for our next SR/RR about the peer's stream (RFC 3550 A.3). */
    synchronized RtcpPacket.ReportBlock reportBlock(long remoteSsrc, long lastSr, long delaySinceLastSr) {
        long extendedMax = cycles + maxSeq;
        long expected = seqInitialised ? extendedMax - baseSeq + 1 : 0;
        long cumulativeLost = expected - packetsReceived;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = packetsReceived - receivedPrior;
        expectedPrior = expected;
        receivedPrior = packetsReceived;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        return new RtcpPacket.ReportBlock(remoteSsrc, Math.min(fraction, 255),
                Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost)), extendedMax & 0xFFFFFFFFL,
                jitterScaled >> 4, lastSr, delaySinceLastSr);
    }

    public synchronized long packetsSent() {
        return packetsSent;
    }

    public synchronized long octetsSent() {
        return octetsSent;
    }

    public synchronized long packetsReceived() {
        return packetsReceived;
    }

    public synchronized long octetsReceived() {
        return octetsReceived;
    }

    public synchronized long malformed() {
        return malformed;
    }

    public synchronized long wrongSource() {
        return wrongSource;
    }

    public synchronized long unknownPayloadType() {
        return unknownPayloadType;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after their playout time had passed (and were dropped). */
    public synchronized long late() {
        return late;
    }

    /** Playout slots for which no packet was there in time (concealed). */
    public synchronized long lost() {
        return lost;
    }

    /** Packets dropped because the jitter buffer was full (flooding or a runaway clock). */
    public synchronized long overflow() {
        return overflow;
    }

    public synchronized double latePercentage() {
        return packetsReceived == 0 ? 0.0 : 100.0 * late / packetsReceived;
    }

    public synchronized double lostPercentage() {
        long slots = packetsReceived - late - duplicates + lost;
        return slots <= 0 ? 0.0 : 100.0 * lost / slots;
    }

    /** Interarrival jitter in milliseconds (RFC 3550 estimator). */
    public synchronized double jitterMillis() {
        return (jitterScaled >> 4) * 1000.0 / Audio.SAMPLE_RATE;
    }

    /** Fraction lost (0..255) the peer reported for our stream, or -1 if no report yet. */
    public synchronized int remoteFractionLost() {
        return remoteFractionLost;
    }

    public synchronized long remoteCumulativeLost() {
        return remoteCumulativeLost;
    }

    public synchronized long remoteJitter() {
        return remoteJitter;
    }

    @Override
    public synchronized String toString() {
        return String.format(java.util.Locale.ROOT,
                "RtpStats[sent=%d, received=%d, lost=%d, late=%d (%.2f%%), duplicates=%d, malformed=%d,"
                        + " wrongSource=%d, unknownPt=%d, overflow=%d, jitter=%.1fms]",
                packetsSent, packetsReceived, lost, late, latePercentage(), duplicates, malformed, wrongSource,
                unknownPayloadType, overflow, jitterMillis());
    }
}
