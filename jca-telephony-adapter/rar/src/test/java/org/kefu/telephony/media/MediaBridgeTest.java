package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hears-matrix with fake legs on a hand-driven clock: exact and fast. */
class MediaBridgeTest {
    @TempDir
    Path dir;

    /** A leg that always says a constant and remembers what it heard. */
    static final class FakeLeg implements BridgeLeg {
        final short level;
        short[] heard;

        FakeLeg(int level) {
            this.level = (short) level;
        }

        @Override
        public short[] speech() {
            short[] f = new short[Audio.FRAME_SAMPLES];
            Arrays.fill(f, level);
            return f;
        }

        @Override
        public void hear(short[] frame) {
            heard = frame;
        }

        int heardLevel() {
            return heard == null ? 0 : heard[0];
        }
    }

    private final MediaClock clock = new MediaClock();
    private final MediaBridge bridge = new MediaBridge(clock);
    private final FakeLeg customer = new FakeLeg(100);
    private final FakeLeg agent = new FakeLeg(1000);
    private final FakeLeg supervisor = new FakeLeg(10000);

    @Test
    void twoPartyBridge() {
        bridge.add(customer);
        bridge.add(agent);
        clock.tick();
        assertThat(customer.heardLevel()).isEqualTo(1000);
        assertThat(agent.heardLevel()).isEqualTo(100);
    }

    @Test
    void threePartyConference() {
        bridge.add(customer);
        bridge.add(agent);
        bridge.add(supervisor);
        clock.tick();
        assertThat(customer.heardLevel()).isEqualTo(11000);
        assertThat(agent.heardLevel()).isEqualTo(10100);
        assertThat(supervisor.heardLevel()).isEqualTo(1100);
    }

    @Test
    void silentMonitor() {
        bridge.add(customer);
        bridge.add(agent);
        bridge.monitor(supervisor);
        clock.tick();
        assertThat(supervisor.heardLevel()).isEqualTo(1100);
        assertThat(customer.heardLevel()).isEqualTo(1000);
        assertThat(agent.heardLevel()).isEqualTo(100);
    }

    @Test
    void whisperThenBarge() {
        bridge.add(customer);
        bridge.add(agent);
        bridge.whisper(supervisor, agent);
        clock.tick();
        assertThat(supervisor.heardLevel()).isEqualTo(1100);
        assertThat(agent.heardLevel()).isEqualTo(10100);
        assertThat(customer.heardLevel()).isEqualTo(1000);
        bridge.barge(supervisor);
        clock.tick();
        assertThat(customer.heardLevel()).isEqualTo(11000);
        assertThat(agent.heardLevel()).isEqualTo(10100);
    }

    @Test
    void sumIsClippedNotWrapped() {
        FakeLeg loud1 = new FakeLeg(30000);
        FakeLeg loud2 = new FakeLeg(30000);
        FakeLeg listener = new FakeLeg(0);
        bridge.add(loud1);
        bridge.add(loud2);
        bridge.add(listener);
        clock.tick();
        assertThat(listener.heardLevel()).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void removeAndCustomMatrix() {
        bridge.add(customer);
        bridge.add(agent);
        bridge.setHears(customer, agent, false); // e.g. agent muted towards the customer
        clock.tick();
        assertThat(customer.heardLevel()).isZero();
        assertThat(bridge.hears(agent, customer)).isTrue();
        bridge.remove(agent);
        assertThat(agent.heard).isNull();
        clock.tick();
        assertThat(customer.heardLevel()).isZero();
        assertThat(bridge.legs()).containsExactly(customer);
    }

    @Test
    void recordsAllPartiesMixed() throws Exception {
        bridge.add(customer);
        bridge.add(agent);
        Path f = dir.resolve("call.wav");
        bridge.startRecording(f);
        for (int i = 0; i < 50; i++) {
            clock.tick();
        }
        bridge.close();
        short[] rec = WavFile.read(f);
        assertThat(rec).hasSize(50 * Audio.FRAME_SAMPLES).containsOnly((short) 1100);
        assertThat(clock.taskCount()).isZero();
    }
}
