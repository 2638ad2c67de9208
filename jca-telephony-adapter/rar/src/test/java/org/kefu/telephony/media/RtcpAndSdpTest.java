package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpAndSdpTest {

    @Test
    void senderReportRoundTrip() {
        RtcpPacket.ReportBlock block = new RtcpPacket.ReportBlock(0x1234, 25, -3, 70000, 42, 7, 8);
        byte[] sr = RtcpPacket.senderReport(0xABCDL, 1_700_000_000_000L, 160, 50, 8000, block, "kefu@test");
        assertThat(sr.length % 4).isZero();
        assertThat(sr[1] & 0xFF).isEqualTo(RtcpPacket.SR);
        RtcpPacket.Parsed p = RtcpPacket.parse(sr, sr.length);
        assertThat(p).isNotNull();
        assertThat(p.senderSsrc()).isEqualTo(0xABCDL);
        assertThat(p.ntpMiddle32()).isEqualTo(RtcpPacket.ntpMiddle32(1_700_000_000_000L));
        RtcpPacket.ReportBlock b = p.blocks().get(0);
        assertThat(b.ssrc()).isEqualTo(0x1234);
        assertThat(b.fractionLost()).isEqualTo(25);
        assertThat(b.cumulativeLost()).isEqualTo(-3);
        assertThat(b.extendedHighestSequence()).isEqualTo(70000);
        assertThat(b.jitter()).isEqualTo(42);
    }

    @Test
    void receiverReportWithoutBlockAndMalformedInput() {
        byte[] rr = RtcpPacket.receiverReport(5, null, "x");
        RtcpPacket.Parsed p = RtcpPacket.parse(rr, rr.length);
        assertThat(p.blocks()).isEmpty();
        assertThat(p.ntpMiddle32()).isEqualTo(-1);
        assertThat(RtcpPacket.parse(rr, rr.length - 1)).isNull();
        assertThat(RtcpPacket.parse(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, 8)).isNull();
        byte[] lying = rr.clone();
        lying[3] = 50; // length beyond the packet
        assertThat(RtcpPacket.parse(lying, lying.length)).isNull();
    }

    @Test
    void statsProduceReportBlocksWithLossAndJitter() {
        RtpStats s = new RtpStats();
        for (int seq = 65530, i = 0; i < 20; i++, seq = (seq + 1) & 0xFFFF) {
            if (i % 5 != 0) { // every fifth packet lost
                s.recordReceived(seq, i * 160L, i * 160L + (i % 2) * 40, 160);
            }
        }
        RtcpPacket.ReportBlock b = s.reportBlock(9, 0, 0);
        assertThat(b.cumulativeLost()).isEqualTo(3); // first packet never counted as expected: 65531..(+18)
        assertThat(b.extendedHighestSequence()).isEqualTo(0x10000 + 13);
        assertThat(b.fractionLost()).isGreaterThan(0);
        assertThat(b.jitter()).isPositive();
    }

    private static final String OFFER = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 18 8 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n"
            + "a=fmtp:96 0-16\r\na=sendrecv\r\n";

    @Test
    void negotiatesFirstCommonCodecInOffererOrderAndTheirDtmfPayloadType() {
        SdpMedia.Negotiated n = SdpMedia.negotiate(OFFER, List.of(AudioCodec.PCMU, AudioCodec.PCMA));
        assertThat(n.codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(n.dtmfPayloadType()).isEqualTo(96);
        assertThat(n.remoteHost()).isEqualTo("10.0.0.1");
        assertThat(n.remotePort()).isEqualTo(4000);
        String answer = SdpMedia.answerSdp(n, "192.168.1.5", 20000);
        assertThat(answer).isEqualTo("c=IN IP4 192.168.1.5\r\nm=audio 20000 RTP/AVP 8 96\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n"
                + "a=ptime:20\r\na=sendrecv\r\n");
    }

    @Test
    void mediaLevelConnectionAndDirectionWin() {
        String sdp = "v=0\nc=IN IP4 1.1.1.1\nm=video 5000 RTP/AVP 31\nm=audio 6000 RTP/AVP 0\nc=IN IP4 2.2.2.2\na=sendonly\n";
        SdpMedia.Negotiated n = SdpMedia.negotiate(sdp, List.of(AudioCodec.PCMU));
        assertThat(n.remoteHost()).isEqualTo("2.2.2.2");
        assertThat(n.dtmfPayloadType()).isEqualTo(-1);
        assertThat(SdpMedia.answerSdp(n, "3.3.3.3", 1)).contains("a=recvonly").doesNotContain("telephone-event");
    }

    @Test
    void rejectsOffersWithoutACommonCodec() {
        assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 1.1.1.1\r\nm=audio 4000 RTP/AVP 18 9\r\n",
                List.of(AudioCodec.PCMU, AudioCodec.PCMA)))
                .isInstanceOf(SdpMedia.NotAcceptableException.class).hasMessageContaining("no common audio codec");
        assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 1.1.1.1\r\nm=audio 0 RTP/AVP 0\r\n", List.of(AudioCodec.PCMU)))
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 1.1.1.1\r\nm=video 5 RTP/AVP 31\r\n", List.of(AudioCodec.PCMU)))
                .hasMessageContaining("no audio");
        // RTP/SAVP is read (SRTP, issue 14 item 9; whether it is accepted is the leg's SRTP policy, SwitchMedia);
        // other profiles are refused here.
        assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 1.1.1.1\r\nm=audio 5 UDP/TLS/RTP/SAVPF 0\r\n", List.of(AudioCodec.PCMU)))
                .hasMessageContaining("UDP/TLS/RTP/SAVPF");
    }

    @Test
    void offerListsCodecsAndTelephoneEvent() {
        String offer = SdpMedia.offer("10.1.1.1", 20002, List.of(AudioCodec.PCMA, AudioCodec.PCMU), 101);
        assertThat(offer).startsWith("c=IN IP4 10.1.1.1\r\nm=audio 20002 RTP/AVP 8 0 101\r\n")
                .contains("a=rtpmap:0 PCMU/8000").contains("a=rtpmap:101 telephone-event/8000").endsWith("a=sendrecv\r\n");
        SdpMedia.Negotiated back = SdpMedia.negotiate(offer, List.of(AudioCodec.PCMU, AudioCodec.PCMA));
        assertThat(back.codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(back.dtmfPayloadType()).isEqualTo(101);
    }

    @Test
    void mediaGoesOnlyToUnicastIpLiteralsNamedInTheSdp() {
        for (String host : new String[] {"media.example.com", "localhost", "1.2.3", "1.2.3.256", "01.2.3.4x"}) {
            assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 " + host + "\r\nm=audio 4000 RTP/AVP 0\r\n",
                    List.of(AudioCodec.PCMU))).as(host)
                    .isInstanceOf(SdpMedia.NotAcceptableException.class).hasMessageContaining("not an IP address");
        }
        for (String host : new String[] {"224.0.0.1", "239.1.2.3/127", "255.255.255.255", "ff02::1"}) {
            assertThatThrownBy(() -> SdpMedia.negotiate("c=IN IP4 " + host + "\r\nm=audio 4000 RTP/AVP 0\r\n",
                    List.of(AudioCodec.PCMU))).as(host)
                    .isInstanceOf(SdpMedia.NotAcceptableException.class).hasMessageContaining("not a unicast address");
        }
        assertThat(SdpMedia.negotiate("c=IN IP6 2001:db8::7\r\nm=audio 4000 RTP/AVP 0\r\n", List.of(AudioCodec.PCMU))
                .remoteHost()).isEqualTo("2001:db8::7");
        // c=0.0.0.0 is the old way to hold: accepted, and nothing is sent
        assertThat(SdpMedia.negotiate("c=IN IP4 0.0.0.0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n",
                List.of(AudioCodec.PCMU)).direction()).isEqualTo("inactive");
    }
}
