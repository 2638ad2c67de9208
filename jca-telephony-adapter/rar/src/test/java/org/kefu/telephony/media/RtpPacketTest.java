package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void encodeDecodeRoundTripWithCsrcAndMarker() {
        RtpPacket p = new RtpPacket(true, 8, 65535, 0xFFFFFFF0L, 0xCAFEBABEL, new int[] {1, 2}, new byte[] {9, 8, 7});
        byte[] bytes = p.encode();
        assertThat(bytes).hasSize(12 + 8 + 3);
        assertThat(bytes[0] & 0xFF).isEqualTo(0x82);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x88);
        RtpPacket d = RtpPacket.decode(bytes, 0, bytes.length);
        assertThat(d.marker()).isTrue();
        assertThat(d.payloadType()).isEqualTo(8);
        assertThat(d.sequence()).isEqualTo(65535);
        assertThat(d.timestamp()).isEqualTo(0xFFFFFFF0L);
        assertThat(d.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(d.csrcs()).containsExactly(1, 2);
        assertThat(d.payload()).containsExactly(9, 8, 7);
    }

    @Test
    void skipsHeaderExtensionAndRemovesPadding() {
        byte[] b = {
            (byte) 0xB0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, // V=2 P=1 X=1, pt 0, seq 1, ts 2, ssrc 3
            (byte) 0xBE, (byte) 0xDE, 0, 1, 1, 2, 3, 4,   // one-word extension
            42, 43,                                       // payload
            0, 0, 3                                       // 3 bytes padding
        };
        RtpPacket p = RtpPacket.decode(b, 0, b.length);
        assertThat(p).isNotNull();
        assertThat(p.payload()).containsExactly(42, 43);
        assertThat(p.sequence()).isEqualTo(1);
    }

    @Test
    void rejectsMalformedPackets() {
        byte[] ok = new RtpPacket(false, 0, 1, 2, 3, new byte[160]).encode();
        assertThat(RtpPacket.decode(ok, 0, 11)).as("too short").isNull();
        byte[] v1 = ok.clone();
        v1[0] = 0x40;
        assertThat(RtpPacket.decode(v1, 0, v1.length)).as("version 1").isNull();
        byte[] csrc = ok.clone();
        csrc[0] = (byte) 0x8F;
        assertThat(RtpPacket.decode(csrc, 0, 40)).as("CSRC list longer than packet").isNull();
        byte[] ext = new RtpPacket(false, 0, 1, 2, 3, new byte[4]).encode();
        ext[0] = (byte) 0x90;
        ext[14] = 0x7F;
        assertThat(RtpPacket.decode(ext, 0, ext.length)).as("extension longer than packet").isNull();
        byte[] pad = ok.clone();
        pad[0] = (byte) 0xA0;
        pad[pad.length - 1] = (byte) 0xFF;
        assertThat(RtpPacket.decode(pad, 0, pad.length)).as("padding longer than payload").isNull();
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) { // fuzz: never throws
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            RtpPacket.decode(junk, 0, junk.length);
        }
    }

    @Test
    void toStringHidesPayload() {
        RtpPacket p = new RtpPacket(false, 101, 1, 2, 3, new TelephoneEvent(5, false, 10, 160).encode());
        assertThat(p.toString()).contains("pt=101").doesNotContain("[5").contains("4 bytes");
    }
}
