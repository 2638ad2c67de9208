package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private final RtpStats stats = new RtpStats();

    private static short[] frame(int value) {
        short[] f = new short[Audio.FRAME_SAMPLES];
        Arrays.fill(f, (short) value);
        return f;
    }

    @Test
    void waitsForDepthThenPlaysInSequenceOrder() {
        JitterBuffer jb = new JitterBuffer(3, stats);
        jb.offer(12, frame(12));
        assertThat(jb.poll()[0]).isZero();
        jb.offer(10, frame(10));
        assertThat(jb.poll()[0]).isZero();
        jb.offer(11, frame(11));
        assertThat(jb.poll()[0]).isEqualTo((short) 10);
        assertThat(jb.poll()[0]).isEqualTo((short) 11);
        assertThat(jb.poll()[0]).isEqualTo((short) 12);
    }

    @Test
    void handlesSequenceWrapAround() {
        JitterBuffer jb = new JitterBuffer(2, stats);
        jb.offer(65534, frame(1));
        jb.offer(0, frame(3));
        jb.offer(65535, frame(2));
        jb.offer(1, frame(4));
        assertThat(jb.poll()[0]).isEqualTo((short) 1);
        assertThat(jb.poll()[0]).isEqualTo((short) 2);
        assertThat(jb.poll()[0]).isEqualTo((short) 3);
        assertThat(jb.poll()[0]).isEqualTo((short) 4);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void concealsALostFrameByRepeatingOnceAtHalfLevelThenSilence() {
        JitterBuffer jb = new JitterBuffer(1, stats);
        jb.offer(1, frame(1000));
        assertThat(jb.poll()[0]).isEqualTo((short) 1000);
        jb.offer(4, frame(4000)); // 2 and 3 lost
        assertThat(jb.poll()[0]).isEqualTo((short) 500);
        assertThat(jb.poll()[0]).isEqualTo((short) 0);
        assertThat(jb.poll()[0]).isEqualTo((short) 4000);
        assertThat(stats.lost()).isEqualTo(2);
    }

    @Test
    void countsLateAndDuplicatePackets() {
        JitterBuffer jb = new JitterBuffer(1, stats);
        jb.offer(5, frame(5));
        assertThat(jb.offer(5, frame(5))).isEqualTo(JitterBuffer.Offer.DUPLICATE);
        jb.offer(7, frame(7));
        jb.poll();
        jb.poll(); // 6 is missing at its playout time
        assertThat(jb.offer(6, frame(6))).isEqualTo(JitterBuffer.Offer.LATE);
        assertThat(stats.late()).isEqualTo(1);
        assertThat(stats.duplicates()).isEqualTo(1);
    }

    @Test
    void resyncsOnAHugeJumpAndCapsLatency() {
        JitterBuffer jb = new JitterBuffer(2, stats);
        jb.offer(100, frame(1));
        jb.offer(101, frame(1));
        assertThat(jb.offer(30000, frame(7))).isEqualTo(JitterBuffer.Offer.RESYNC);
        jb.offer(30001, frame(8));
        assertThat(jb.poll()[0]).isEqualTo((short) 7);
        // a burst far beyond the depth: the oldest frames are dropped so latency stays bounded
        for (int s = 30002; s < 30012; s++) {
            jb.offer(s, frame(s - 30000));
        }
        jb.poll();
        assertThat(jb.buffered()).isLessThanOrEqualTo(5);
        assertThat(stats.overflow()).isPositive();
    }

    @Test
    void underrunReturnsSilenceAndRebuffers() {
        JitterBuffer jb = new JitterBuffer(2, stats);
        assertThat(jb.poll()).hasSize(Audio.FRAME_SAMPLES).containsOnly((short) 0);
        jb.offer(1, frame(1));
        jb.offer(2, frame(2));
        assertThat(jb.poll()[0]).isEqualTo((short) 1);
        assertThat(jb.poll()[0]).isEqualTo((short) 2);
        assertThat(jb.poll()[0]).isZero();
        assertThat(stats.lost()).as("an empty buffer is an underrun, not loss").isZero();
    }
}
