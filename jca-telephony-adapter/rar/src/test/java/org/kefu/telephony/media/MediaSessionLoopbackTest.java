package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real UDP on 127.0.0.1. The engine's clock is driven by the test ({@code realTimeClock(false)}):
 * after each tick the test waits until every packet sent has been received, so results do not
 * depend on scheduling and the suite runs faster than real time.
 */
class MediaSessionLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int BASE_PORT = 41000 + new Random().nextInt(200) * 20;

    @TempDir
    Path dir;

    private MediaEngine engine;
    private final List<MediaSession> all = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        engine = new MediaEngine(new MediaConfig().bindAddress(LOOPBACK).portRange(BASE_PORT, BASE_PORT + 19)
                .realTimeClock(false).jitterDepthFrames(2));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private MediaSession session() throws IOException {
        MediaSession s = engine.createSession();
        all.add(s);
        return s;
    }

    /** Two sessions connected to each other. */
    private MediaSession[] pair(AudioCodec codec) throws IOException {
        MediaSession a = session();
        MediaSession b = session();
        a.connect("127.0.0.1", b.localPort(), codec.payloadType(), 101);
        b.connect("127.0.0.1", a.localPort(), codec.payloadType(), 101);
        return new MediaSession[] {a, b};
    }

    private void pump(int ticks) {
        for (int i = 0; i < ticks; i++) {
            engine.clock().tick();
            await(() -> {
                long sent = 0;
                long received = 0;
                for (MediaSession s : all) {
                    if (!s.isClosed()) {
                        sent += s.stats().packetsSent();
                        received += s.stats().packetsReceived();
                    }
                }
                return received >= sent;
            });
        }
    }

    private void pumpUntil(BooleanSupplier done, int maxTicks) {
        for (int i = 0; i < maxTicks && !done.getAsBoolean(); i++) {
            pump(1);
        }
        assertThat(done.getAsBoolean()).as("condition reached within %d ticks", maxTicks).isTrue();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // a loaded machine (CI beside other servers) is slow, not wrong
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("packets not delivered within 10 s");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    static short[] tone(double hz, int amplitude, int millis) {
        short[] s = new short[Audio.SAMPLE_RATE * millis / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / Audio.SAMPLE_RATE));
        }
        return s;
    }

    /** Amplitude of one frequency in a signal (Goertzel), comparable to the tone's amplitude. */
    static double level(short[] x, double hz) {
        double c = 2 * Math.cos(2 * Math.PI * hz / Audio.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (short v : x) {
            double s = v + c * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - c * s1 * s2)) / (x.length / 2.0);
    }

    /** What a session hears over the next {@code ticks} ticks, concatenated. */
    private short[] listen(MediaSession s, int ticks) {
        short[] out = new short[ticks * Audio.FRAME_SAMPLES];
        for (int i = 0; i < ticks; i++) {
            pump(1);
            System.arraycopy(s.speech(), 0, out, i * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
        }
        return out;
    }

    @Test
    void twoSessionsExchangeAudioInBothDirections() throws IOException {
        for (AudioCodec codec : AudioCodec.values()) {
            MediaSession[] p = pair(codec);
            p[0].playSamples(tone(1000, 8000, 2000), false, null);
            p[1].playSamples(tone(400, 8000, 2000), false, null);
            pump(5); // jitter buffer fill
            short[] atB = listen(p[1], 20);
            short[] atA = listen(p[0], 20);
            assertThat(level(atB, 1000)).as("%s B hears A", codec).isGreaterThan(6000);
            assertThat(level(atB, 400)).as("%s B does not hear itself", codec).isLessThan(200);
            assertThat(level(atA, 400)).as("%s A hears B", codec).isGreaterThan(6000);
            assertThat(p[1].stats().lost()).isZero();
            assertThat(p[1].stats().late()).isZero();
            assertThat(p[1].peer().getPort()).isEqualTo(p[0].localPort());
            p[0].close();
            p[1].close();
        }
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void promptPlayedByOneIsReceivedAndRecordedByTheOther() throws Exception {
        MediaSession[] p = pair(AudioCodec.PCMA);
        Path rec = dir.resolve("b.wav");
        p[1].startRecording(rec);
        List<PlaybackOutcome> outcomes = new CopyOnWriteArrayList<>();
        p[0].play(List.of("beep", "beep"), Locale.SIMPLIFIED_CHINESE, outcomes::add);
        pumpUntil(() -> !outcomes.isEmpty(), 100);
        assertThat(outcomes).containsExactly(PlaybackOutcome.COMPLETED);
        pump(5);
        p[1].stopRecording();
        short[] recorded = WavFile.read(rec);
        assertThat(level(recorded, 1000)).as("the beep is a 1 kHz tone").isGreaterThan(2000);
        int loudFrames = 0;
        for (int f = 0; f + Audio.FRAME_SAMPLES <= recorded.length; f += Audio.FRAME_SAMPLES) {
            if (Audio.rms(java.util.Arrays.copyOfRange(recorded, f, f + Audio.FRAME_SAMPLES)) > 1000) {
                loudFrames++;
            }
        }
        assertThat(loudFrames).as("two 0.4 s beeps = 40 frames").isBetween(36, 42);
        assertThatThrownBy(() -> p[0].play(List.of("welcome", "nope"), Locale.ENGLISH, null))
                .isInstanceOf(PromptNotFoundException.class).hasMessageContaining("nope");
        assertThat(p[0].isPlaying()).isFalse();
    }

    @Test
    void rfc4733DigitsAreCollectedWithTerminator() throws IOException {
        MediaSession[] p = pair(AudioCodec.PCMU);
        List<Character> heard = new CopyOnWriteArrayList<>();
        p[1].setDigitListener(heard::add);
        CompletableFuture<DigitResult> result = new CompletableFuture<>();
        p[1].collectDigits(new DigitSpec(10, '#', 5000, 3000), result::complete);
        p[0].sendDigits("1234#");
        pumpUntil(result::isDone, 100);
        assertThat(result.join().digits()).isEqualTo("1234");
        assertThat(result.join().reason()).isEqualTo(DigitResult.Reason.TERMINATOR);
        assertThat(heard).containsExactly('1', '2', '3', '4', '#');
    }

    /**
     * What a far end that decodes RFC 4733 sees on the wire when we send "5#": for each key a
     * start packet with the marker bit, duration updates, three end packets, all with the event's
     * start timestamp; no audio while a key is sent; at least 60 ms of audio between two keys;
     * sequence numbers one by one; the second key has a later timestamp.
     */
    @Test
    void sentDigitsAreRfc4733EventsOnTheWire() throws IOException {
        try (DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
            far.setSoTimeout(2000);
            MediaSession s = session();
            s.connect("127.0.0.1", far.getLocalPort(), AudioCodec.PCMU.payloadType(), 101);
            assertThat(s.canSendDtmf()).isTrue();
            List<RtpPacket> wire = new ArrayList<>();
            byte[] buf = new byte[1500];
            for (int tick = 0; tick < 32; tick++) {
                if (tick == 2) {
                    s.sendDigits("5#"); // after some audio, as when an agent presses keys mid-call
                }
                engine.clock().tick();
                DatagramPacket d = new DatagramPacket(buf, buf.length);
                far.receive(d);
                wire.add(RtpPacket.decode(d.getData(), 0, d.getLength()));
            }
            List<RtpPacket> events = wire.stream().filter(p -> p.payloadType() == 101).toList();
            assertThat(events).hasSize(16); // 2 keys x (5 updates + 3 end packets) at 100 ms tones
            for (int key = 0; key < 2; key++) {
                List<RtpPacket> one = events.subList(key * 8, key * 8 + 8);
                char digit = key == 0 ? '5' : '#';
                assertThat(one.get(0).marker()).as("start of key %d", key).isTrue();
                assertThat(one.subList(1, 8)).noneMatch(RtpPacket::marker);
                assertThat(one).allMatch(p -> p.timestamp() == one.get(0).timestamp());
                for (int i = 0; i < 8; i++) {
                    TelephoneEvent e = TelephoneEvent.decode(one.get(i).payload());
                    assertThat(e.digit()).isEqualTo(digit);
                    assertThat(e.isEnd()).isEqualTo(i >= 5);
                    assertThat(e.duration()).isEqualTo(Math.min(i + 1, 5) * 160);
                }
            }
            assertThat(events.get(8).timestamp()).isGreaterThan(events.get(7).timestamp());
            int firstEnd = wire.indexOf(events.get(7));
            int secondStart = wire.indexOf(events.get(8));
            assertThat(wire.subList(firstEnd + 1, secondStart)).as("audio between the keys")
                    .hasSizeGreaterThanOrEqualTo(3).allMatch(p -> p.payloadType() == AudioCodec.PCMU.payloadType());
            assertThat(wire.subList(wire.indexOf(events.get(0)), firstEnd + 1)).as("no audio during a key")
                    .allMatch(p -> p.payloadType() == 101);
            for (int i = 1; i < wire.size(); i++) {
                assertThat(wire.get(i).sequence()).isEqualTo((wire.get(i - 1).sequence() + 1) & 0xFFFF);
            }
        }
    }

    @Test
    void aPeerWithoutTelephoneEventCannotBeSentDigitsInTheMedia() throws IOException {
        MediaSession s = session();
        s.connect("127.0.0.1", BASE_PORT + 19, AudioCodec.PCMA.payloadType(), -1);
        assertThat(s.canSendDtmf()).isFalse();
        assertThatThrownBy(() -> s.sendDigits("1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void digitTimeoutsAreMeasuredOnTheMediaClock() throws IOException {
        MediaSession[] p = pair(AudioCodec.PCMU);
        CompletableFuture<DigitResult> first = new CompletableFuture<>();
        p[1].collectDigits(new DigitSpec(4, '#', 400, 200), first::complete);
        pump(19);
        assertThat(first).isNotDone();
        pump(1);
        assertThat(first.join().reason()).isEqualTo(DigitResult.Reason.TIMEOUT);
        assertThat(first.join().isEmpty()).isTrue();

        CompletableFuture<DigitResult> inter = new CompletableFuture<>();
        p[1].collectDigits(new DigitSpec(4, '#', 400, 200), inter::complete);
        p[0].sendDigits("7");
        pump(11); // sent on tick 1, delivered on tick 2; the inter-digit timer is 10 ticks
        assertThat(inter).isNotDone();
        pump(1);
        assertThat(inter.join().digits()).isEqualTo("7");
        assertThat(inter.join().reason()).isEqualTo(DigitResult.Reason.TIMEOUT);
    }

    @Test
    void keyPressBargesIntoPromptAndCountsAsTypeAhead() throws IOException {
        MediaSession[] p = pair(AudioCodec.PCMA);
        CompletableFuture<PlaybackOutcome> played = new CompletableFuture<>();
        CompletableFuture<DigitResult> digits = new CompletableFuture<>();
        p[1].play(List.of("main-menu-banking"), Locale.SIMPLIFIED_CHINESE, played::complete);
        p[1].collectDigits(DigitSpec.menu(), digits::complete);
        pump(10);
        p[0].sendDigits("2");
        pumpUntil(digits::isDone, 20);
        assertThat(played.join()).isEqualTo(PlaybackOutcome.BARGED_IN);
        assertThat(digits.join().digits()).isEqualTo("2");
        assertThat(digits.join().reason()).isEqualTo(DigitResult.Reason.MAX_DIGITS);
    }

    @Test
    void sipInfoDigitsTakeTheSamePath() throws IOException {
        MediaSession[] p = pair(AudioCodec.PCMA);
        CompletableFuture<DigitResult> digits = new CompletableFuture<>();
        p[1].collectDigits(DigitSpec.upTo(6), digits::complete);
        for (String body : List.of("Signal=9\r\nDuration=160", "Signal=8", "Signal=11")) {
            p[1].injectDigit(DtmfRelay.parse("application/dtmf-relay", body).digit());
        }
        pump(1);
        assertThat(digits.join().digits()).isEqualTo("98");
        assertThat(digits.join().reason()).isEqualTo(DigitResult.Reason.TERMINATOR);
    }

    @Test
    void bridgeRoutesAudioPerHearsMatrix() throws IOException {
        // three phones (customer, agent, supervisor), each connected to its switch-side session
        MediaSession[] customer = pair(AudioCodec.PCMA);
        MediaSession[] agent = pair(AudioCodec.PCMU);
        MediaSession[] supervisor = pair(AudioCodec.PCMA);
        customer[0].playSamples(tone(400, 6000, 10_000), false, null);
        agent[0].playSamples(tone(1000, 6000, 10_000), false, null);
        supervisor[0].playSamples(tone(2200, 6000, 10_000), false, null);
        MediaBridge bridge = engine.createBridge();
        bridge.add(customer[1]);
        bridge.add(agent[1]);
        bridge.monitor(supervisor[1]);
        pump(10);
        short[] c = listen(customer[0], 10);
        short[] a = listen(agent[0], 10);
        short[] s = listen(supervisor[0], 10);
        assertHears(c, true, 1000, false, 2200);
        assertHears(a, true, 400, false, 2200);
        assertHears(s, true, 400, true, 1000);

        bridge.whisper(supervisor[1], agent[1]);
        pump(10);
        assertHears(listen(agent[0], 10), true, 2200, true, 400);
        assertHears(listen(customer[0], 10), false, 2200, true, 1000);

        bridge.barge(supervisor[1]);
        pump(10);
        assertHears(listen(customer[0], 10), true, 2200, true, 1000);
        assertHears(listen(supervisor[0], 10), true, 400, true, 1000);
        bridge.close();
    }

    private static void assertHears(short[] heard, boolean hearsFirst, double hz1, boolean hearsSecond, double hz2) {
        check(heard, hz1, hearsFirst);
        check(heard, hz2, hearsSecond);
    }

    private static void check(short[] heard, double hz, boolean present) {
        double l = level(heard, hz);
        if (present) {
            assertThat(l).as("%.0f Hz should be heard", hz).isGreaterThan(3000);
        } else {
            assertThat(l).as("%.0f Hz should not be heard", hz).isLessThan(300);
        }
    }

    @Test
    void malformedAndForeignPacketsAreDroppedWithoutHarm() throws Exception {
        MediaSession[] p = pair(AudioCodec.PCMA);
        p[0].playSamples(tone(1000, 8000, 10_000), false, null);
        pump(5); // B latches onto A
        try (DatagramSocket rogue = new DatagramSocket(0, LOOPBACK)) {
            Random r = new Random(7);
            int target = p[1].localPort();
            long before = p[1].stats().packetsReceived();
            for (int i = 0; i < 3000; i++) {
                byte[] junk = new byte[r.nextInt(200)];
                r.nextBytes(junk);
                if (i % 3 == 0 && junk.length >= 12) {
                    junk = new RtpPacket(false, 8, i, i * 160L, 99, new byte[160]).encode(); // valid but foreign
                }
                rogue.send(new DatagramPacket(junk, junk.length, LOOPBACK, target));
                rogue.send(new DatagramPacket(junk, junk.length, LOOPBACK, target + 1)); // RTCP port too
            }
            await(() -> p[1].stats().wrongSource() >= 900);
            // let the kernel buffer drain (while it is full, the kernel would drop A's packets too)
            long seen;
            do {
                seen = p[1].stats().wrongSource();
                Thread.sleep(50);
            } while (p[1].stats().wrongSource() != seen);
            assertThat(p[1].stats().packetsReceived()).isEqualTo(before);
        }
        // the legitimate stream is unaffected
        short[] atB = listen(p[1], 20);
        assertThat(level(atB, 1000)).isGreaterThan(6000);
        assertThat(p[1].stats().lost()).isZero();

        // malformed packets from the latched source itself are counted and ignored
        try (DatagramSocket raw = new DatagramSocket(0, LOOPBACK)) {
            MediaSession c = session();
            c.connect("127.0.0.1", raw.getLocalPort(), 8, 101);
            raw.send(new DatagramPacket(new byte[] {0x40, 1, 2}, 3, LOOPBACK, c.localPort()));
            byte[] v1 = new RtpPacket(false, 8, 1, 1, 1, new byte[160]).encode();
            v1[0] = 0x40;
            raw.send(new DatagramPacket(v1, v1.length, LOOPBACK, c.localPort()));
            byte[] otherPt = new RtpPacket(false, 18, 1, 1, 1, new byte[20]).encode();
            raw.send(new DatagramPacket(otherPt, otherPt.length, LOOPBACK, c.localPort()));
            await(() -> c.stats().malformed() == 2 && c.stats().unknownPayloadType() == 1);
            c.close();
            all.remove(c);
        }
    }

    @Test
    void rtcpReportsReachThePeer() throws IOException {
        MediaSession[] p = pair(AudioCodec.PCMU);
        pump(10);
        p[0].rtp().sendRtcpNow();
        p[1].rtp().sendRtcpNow();
        await(() -> p[0].stats().remoteFractionLost() >= 0 && p[1].stats().remoteFractionLost() >= 0);
        assertThat(p[1].stats().remoteFractionLost()).isZero();
        assertThat(p[1].stats().remoteCumulativeLost()).isZero();
    }

    @Test
    void portRangeIsRespectedAndExhaustionIsReported() throws IOException {
        int count = 0;
        List<MediaSession> sessions = new ArrayList<>();
        try {
            while (true) {
                MediaSession s = engine.createSession();
                assertThat(s.localPort()).isBetween(BASE_PORT, BASE_PORT + 19).matches(port -> port % 2 == 0);
                sessions.add(s);
                count++;
            }
        } catch (IOException e) {
            assertThat(e).hasMessageContaining("no free RTP port pair");
        }
        assertThat(count).isBetween(1, 10);
        sessions.get(0).close();
        assertThat(engine.createSession().localPort()).isEqualTo(sessions.get(0).localPort());
    }

    @Test
    void recordingMixesBothDirections() throws Exception {
        MediaSession[] p = pair(AudioCodec.PCMA);
        p[0].playSamples(tone(400, 5000, 2000), false, null);
        p[1].playSamples(tone(1000, 5000, 2000), false, null);
        Path f = dir.resolve("both.wav");
        p[1].startRecording(f);
        pump(30);
        p[1].close();
        short[] rec = WavFile.read(f);
        assertThat(rec.length).isEqualTo(30 * Audio.FRAME_SAMPLES);
        assertThat(level(rec, 400)).as("what B received").isGreaterThan(3000);
        assertThat(level(rec, 1000)).as("what B sent").isGreaterThan(3000);
    }

    @Test
    void rtpFromAHostTheSdpDidNotNameIsNeverLatched() throws Exception {
        InetAddress elsewhere = InetAddress.getByName("127.0.0.2");
        try (DatagramSocket attacker = new DatagramSocket(0, elsewhere);
                DatagramSocket phone = new DatagramSocket(0, LOOPBACK);
                DatagramSocket phoneBehindNat = new DatagramSocket(0, LOOPBACK)) {
            MediaSession s = session();
            s.connect("127.0.0.1", phone.getLocalPort(), AudioCodec.PCMA.payloadType(), 101);
            // The attacker speaks first (e.g. into a PIN prompt): never latched, never heard.
            for (int i = 0; i < 20; i++) {
                byte[] p = new RtpPacket(false, 8, i, i * 160L, 66, new byte[160]).encode();
                attacker.send(new DatagramPacket(p, p.length, LOOPBACK, s.localPort()));
            }
            await(() -> s.stats().wrongSource() == 20);
            assertThat(s.stats().packetsReceived()).isZero();
            assertThat(s.rtp().peer().getPort()).isEqualTo(phone.getLocalPort());
            // The SDP's host from another port (a NAT rewriting ports) is latched to.
            byte[] p = new RtpPacket(false, 8, 1, 160, 77, new byte[160]).encode();
            phoneBehindNat.send(new DatagramPacket(p, p.length, LOOPBACK, s.localPort()));
            await(() -> s.stats().packetsReceived() == 1);
            assertThat(s.rtp().peer().getPort()).isEqualTo(phoneBehindNat.getLocalPort());
            byte[] late = new RtpPacket(false, 8, 30, 30 * 160L, 66, new byte[160]).encode();
            attacker.send(new DatagramPacket(late, late.length, LOOPBACK, s.localPort()));
            await(() -> s.stats().wrongSource() == 21);
            assertThat(s.stats().packetsReceived()).isEqualTo(1);
        }
    }

    @Test
    void portsAreDrawnAtRandomAndAJustReleasedPairWaits() throws IOException {
        int from = 45000 + new Random().nextInt(50) * 200;
        PortAllocator allocator = new PortAllocator(LOOPBACK, from, from + 199);
        List<PortAllocator.Lease> leases = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                leases.add(allocator.allocate());
            }
            int consecutive = 0;
            for (int i = 1; i < leases.size(); i++) {
                if (leases.get(i).rtpPort() == leases.get(i - 1).rtpPort() + 2) {
                    consecutive++;
                }
            }
            assertThat(consecutive).as("ports in sequence would let a peer guess the next call's port").isLessThan(7);
            int released = leases.get(0).rtpPort();
            leases.remove(0).close();
            for (int i = 0; i < 20; i++) {
                PortAllocator.Lease l = allocator.allocate();
                leases.add(l);
                assertThat(l.rtpPort()).as("a pair released just now").isNotEqualTo(released);
            }
        } finally {
            leases.forEach(PortAllocator.Lease::close);
        }
    }

    @Test
    void silenceIsMeasuredOnlyWhileThePeerShouldSend() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(0, LOOPBACK)) {
            MediaSession s = session();
            s.connect("127.0.0.1", phone.getLocalPort(), AudioCodec.PCMU.payloadType(), 101, false);
            assertThat(s.silentMillis()).as("a peer holding the call is not expected to send").isEqualTo(-1);
            s.connect("127.0.0.1", phone.getLocalPort(), AudioCodec.PCMU.payloadType(), 101, true);
            Thread.sleep(300);
            assertThat(s.silentMillis()).isGreaterThanOrEqualTo(250);
            byte[] cn = new RtpPacket(false, 13, 1, 160, 5, new byte[1]).encode(); // comfort noise counts as presence
            phone.send(new DatagramPacket(cn, cn.length, LOOPBACK, s.localPort()));
            await(() -> s.silentMillis() < 100);
            s.connect("0.0.0.0", phone.getLocalPort(), AudioCodec.PCMU.payloadType(), 101, true);
            assertThat(s.silentMillis()).as("c=0.0.0.0 is hold").isEqualTo(-1);
        }
    }
}
