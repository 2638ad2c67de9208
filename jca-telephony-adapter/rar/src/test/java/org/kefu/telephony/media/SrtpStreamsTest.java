package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * SRTP/SRTCP packet protection (issue 14 item 9): what one side protects the other recovers
 * exactly; a packet altered in transit, protected with another key or replayed is dropped and
 * counted, never handed on to be played. The known-answer tests pin the wire format to libsrtp's
 * published AES_CM_128_HMAC_SHA1_80 vectors, so interoperating with phones does not rest on
 * Kefu agreeing with itself.
 */
class SrtpStreamsTest {

    private static final HexFormat HEX = HexFormat.of();
    private final SrtpKey phoneKey = SrtpKey.random();
    private final SrtpKey kefuKey = SrtpKey.random();
    private final SrtpStreams kefu = new SrtpStreams(kefuKey, phoneKey);
    private final SrtpStreams phone = new SrtpStreams(phoneKey, kefuKey);
    private final RtpStats stats = new RtpStats();

    private static byte[] rtp(int seq, long ssrc, int payloadBytes) {
        byte[] b = new byte[1500];
        RtpPacket p = new RtpPacket(false, 0, seq, 160L * seq, ssrc, pcmu(payloadBytes, seq));
        byte[] enc = p.encode();
        System.arraycopy(enc, 0, b, 0, enc.length);
        return b;
    }

    private static byte[] pcmu(int n, int seed) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 + seed);
        }
        return p;
    }

    @Test
    void whatOneSideProtectsTheOtherRecoversAndTheWireCarriesNoPlainAudio() {
        for (int seq = 100; seq < 110; seq++) {
            byte[] packet = rtp(seq, 0x11223344L, 160);
            byte[] plain = Arrays.copyOf(packet, 172);
            int len = phone.protectRtp(packet, 172);
            assertThat(len).isEqualTo(172 + 10);
            assertThat(Arrays.copyOfRange(packet, 0, 12)).as("the header stays readable").isEqualTo(Arrays.copyOf(plain, 12));
            assertThat(Arrays.copyOfRange(packet, 12, 172)).as("the payload is encrypted").isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
            int back = kefu.unprotectRtp(packet, len, stats);
            assertThat(back).isEqualTo(172);
            assertThat(Arrays.copyOf(packet, back)).isEqualTo(plain);
        }
        assertThat(stats.authFailures()).isZero();
        assertThat(stats.replays()).isZero();
    }

    @Test
    void aTamperedPacketIsDroppedAndCountedAsAnAuthenticationFailure() {
        byte[] packet = rtp(7, 0x55667788L, 160);
        int len = phone.protectRtp(packet, 172);
        packet[40] ^= 0x01; // one bit of audio changed on the way
        assertThat(kefu.unprotectRtp(packet, len, stats)).isEqualTo(-1);
        assertThat(stats.authFailures()).isEqualTo(1);

        byte[] forged = rtp(8, 0x55667788L, 160);
        int flen = new SrtpStreams(SrtpKey.random(), SrtpKey.random()).protectRtp(forged, 172); // someone without the key
        assertThat(kefu.unprotectRtp(forged, flen, stats)).isEqualTo(-1);
        byte[] plain = rtp(9, 0x55667788L, 170); // plain RTP, as long as an SRTP packet
        assertThat(kefu.unprotectRtp(plain, 182, stats)).isEqualTo(-1);
        assertThat(stats.authFailures()).isEqualTo(3);

        byte[] good = rtp(10, 0x55667788L, 160);
        int glen = phone.protectRtp(good, 172);
        assertThat(kefu.unprotectRtp(good, glen, stats)).as("the real stream still gets through").isEqualTo(172);
    }

    @Test
    void aReplayedPacketIsDropped() {
        byte[] packet = rtp(500, 0x01020304L, 160);
        int len = phone.protectRtp(packet, 172);
        byte[] copy = Arrays.copyOf(packet, len);
        assertThat(kefu.unprotectRtp(packet, len, stats)).isEqualTo(172);
        assertThat(kefu.unprotectRtp(copy, len, stats)).isEqualTo(-1);
        assertThat(stats.replays()).isEqualTo(1);
        assertThat(stats.authFailures()).isZero();
    }

    @Test
    void rtcpRoundTripsAndATamperedOrReplayedReportIsDropped() {
        byte[] report = Arrays.copyOf(RtcpPacket.receiverReport(0x0A0B0C0DL, null, "kefu-test"), 1500);
        int plainLength = RtcpPacket.receiverReport(0x0A0B0C0DL, null, "kefu-test").length;
        byte[] plain = Arrays.copyOf(report, plainLength);
        int len = phone.protectRtcp(report, plainLength);
        assertThat(len).isEqualTo(plainLength + 4 + 10); // E flag and index, then the tag
        byte[] replay = Arrays.copyOf(report, len);
        byte[] tampered = Arrays.copyOf(report, len);
        tampered[plainLength - 1] ^= 0x40;
        assertThat(kefu.unprotectRtcp(tampered, len, stats)).isEqualTo(-1);
        assertThat(stats.authFailures()).isEqualTo(1);
        assertThat(kefu.unprotectRtcp(report, len, stats)).isEqualTo(plainLength);
        assertThat(Arrays.copyOf(report, plainLength)).isEqualTo(plain);
        assertThat(RtcpPacket.parse(report, plainLength)).isNotNull();
        assertThat(kefu.unprotectRtcp(replay, len, stats)).isEqualTo(-1);
        assertThat(stats.replays()).isEqualTo(1);
    }

    @Test
    void packetsFromManyUnknownStreamsCannotMakeItKeepContextsWithoutEnd() {
        SrtpStreams attacker = new SrtpStreams(SrtpKey.random(), kefuKey);
        for (int i = 0; i < 50; i++) {
            byte[] p = rtp(1, 0x7000_0000L + i, 160);
            int len = attacker.protectRtp(p, 172);
            assertThat(kefu.unprotectRtp(p, len, stats)).isEqualTo(-1);
        }
        assertThat(stats.authFailures()).isEqualTo(50);
        byte[] good = rtp(1, 0x42L, 160);
        int len = phone.protectRtp(good, 172);
        assertThat(kefu.unprotectRtp(good, len, stats)).as("failed streams were not kept").isEqualTo(172);
    }

    @Test
    void aPhoneThatChangesItsSsrcAgainAndAgainIsStillHeard() {
        for (long ssrc = 1; ssrc <= 10; ssrc++) {
            for (int seq = 0; seq < 3; seq++) {
                byte[] p = rtp(seq, ssrc, 160);
                int len = phone.protectRtp(p, 172);
                assertThat(kefu.unprotectRtp(p, len, stats)).as("SSRC %d", ssrc).isEqualTo(172);
            }
        }
        assertThat(stats.authFailures()).isZero();
    }

    /** libsrtp's srtp_driver reference packet for AES_CM_128_HMAC_SHA1_80 (SSRC 0xcafebabe, sequence 0x1234). */
    @Test
    void theWireFormatMatchesLibsrtpsReferenceVector() {
        SrtpKey key = SrtpKey.of(HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"), HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));
        byte[] plain = HEX.parseHex("800f1234decafbadcafebabeabababababababababababababababab");
        byte[] expected = HEX.parseHex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
        byte[] buffer = Arrays.copyOf(plain, 1500);
        SrtpStreams sender = new SrtpStreams(key, SrtpKey.random());
        int len = sender.protectRtp(buffer, plain.length);
        assertThat(HEX.formatHex(Arrays.copyOf(buffer, len))).isEqualTo(HEX.formatHex(expected));

        SrtpStreams receiver = new SrtpStreams(SrtpKey.random(), key);
        byte[] in = Arrays.copyOf(expected, 1500);
        assertThat(receiver.unprotectRtp(in, expected.length, stats)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(in, plain.length)).isEqualTo(plain);
    }

    /** The library's one-time choice of AES (about 1.5 s here) is paid by prepare(), at the switch's start. */
    @Test
    void prepareSelfTestsAndPaysTheLibrarysStartUpCostOnce() {
        SrtpStreams.prepare();
        long again = SrtpStreams.prepare();
        assertThat(again).as("ms for a second self-test").isLessThan(300);
        long start = System.nanoTime();
        byte[] packet = rtp(1, 0x99L, 160);
        int len = new SrtpStreams(SrtpKey.random(), SrtpKey.random()).protectRtp(packet, 172);
        assertThat(len).isEqualTo(182);
        assertThat((System.nanoTime() - start) / 1_000_000L).as("ms for a new call's first packet").isLessThan(300);
    }

    @Test
    void keysNeverShowInTextAndTheInlineFormRoundTrips() {
        SrtpKey key = SrtpKey.random();
        assertThat(key.toInline()).hasSize(40); // 30 bytes of base64
        assertThat(SrtpKey.fromInline(key.toInline())).isEqualTo(key);
        assertThat(key.toString()).doesNotContain(key.toInline());
        assertThat(new SdesCrypto(1, key).toString()).doesNotContain(key.toInline());
        assertThat(SrtpKey.random()).isNotEqualTo(key);
    }
}
