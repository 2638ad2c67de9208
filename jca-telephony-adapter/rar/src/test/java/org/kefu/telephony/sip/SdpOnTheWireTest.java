package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kefu.telephony.media.AudioCodec;
import org.kefu.telephony.media.SdpMedia;

/**
 * Every SDP body Kefu sends is a complete session description (RFC 8866) that a strict parser
 * accepts: the answer to a caller, the answer to a re-INVITE (same session id, a higher version) and
 * the offer Kefu makes to a phone; over real UDP sockets.
 */
class SdpOnTheWireTest {

    static final int PORT = 15091;
    final RecordingCallHandler handler = new RecordingCallHandler();
    final G711TestNegotiator media = new G711TestNegotiator(40060);
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 50);
    SipLink link;

    @BeforeEach
    void start() {
        link = new SipLink(TestLinks.config(PORT), handler, TestLinks.DEMO_CREDENTIALS, media, executor);
        link.start();
    }

    @AfterEach
    void stop() {
        link.stop();
        executor.shutdownNow();
    }

    @Test
    void theAnswerToACallerAndToItsReInviteAreCompleteAndTheVersionGoesUp() throws Exception {
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            StrictSdp.Session first = StrictSdp.parse(body(ok));
            assertThat(first.origin().address()).isEqualTo("127.0.0.1");
            assertThat(first.media()).hasSize(1);
            assertThat(first.media().get(0).port()).isEqualTo(40060);
            call.ack(ok);
            assertThat(handler.next()).startsWith("invite");
            assertThat(handler.next()).isEqualTo("established");

            String hold = RawCall.SDP.replace("m=audio 41000 RTP/AVP 0 8 101\r\n", "m=audio 41000 RTP/AVP 0 8 101\r\na=sendonly\r\n");
            String reOk = call.requestWithBody("INVITE", ok, "application/sdp", hold);
            assertThat(RawSipClient.status(reOk)).isEqualTo(200);
            StrictSdp.Session second = StrictSdp.parse(body(reOk));
            assertThat(second.origin().sessionId()).isEqualTo(first.origin().sessionId());
            assertThat(second.origin().version()).isEqualTo(first.origin().version() + 1);
            assertThat(second.media().get(0).attributes()).contains("recvonly");
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
        }
    }

    @Test
    void theOfferKefuMakesToAPhoneIsComplete() throws Exception {
        try (RawSipClient phone = new RawSipClient(PORT)) {
            OutboundCall call = link.uac().call("sip:8001@127.0.0.1:" + phone.localPort(), "95500");
            String invite = phone.receive(5000);
            assertThat(invite).startsWith("INVITE ");
            StrictSdp.Session offer = StrictSdp.parse(body(invite));
            assertThat(offer.origin().user()).isEqualTo("kefu");
            assertThat(offer.media().get(0).formats()).containsExactly("0", "8", "101");
            call.cancel();
        }
    }

    @Test
    void theMediaEnginesOwnOfferAndAnswerBecomeCompleteDescriptions() throws Exception {
        SdpSessions sessions = new SdpSessions();
        String offer = sessions.complete("leg-1", SdpMedia.offer("192.0.2.10", 20000, List.of(AudioCodec.PCMU, AudioCodec.PCMA), 101), "127.0.0.1");
        StrictSdp.Session o = StrictSdp.parse(offer);
        assertThat(o.origin().address()).isEqualTo("192.0.2.10");
        assertThat(o.connectionAddress()).isEqualTo("192.0.2.10");
        SdpMedia.Negotiated n = SdpMedia.negotiate(RawCall.SDP, List.of(AudioCodec.PCMU, AudioCodec.PCMA));
        String answer = sessions.complete("leg-1", SdpMedia.answerSdp(n, "192.0.2.10", 20000), "127.0.0.1");
        StrictSdp.Session a = StrictSdp.parse(answer);
        assertThat(a.origin().sessionId()).isEqualTo(o.origin().sessionId());
        assertThat(a.origin().version()).isGreaterThan(o.origin().version());
        assertThat(sessions.complete("leg-2", SdpMedia.offer("192.0.2.10", 20002, List.of(AudioCodec.PCMU), -1), "127.0.0.1"))
                .satisfies(s -> assertThat(StrictSdp.parse(s).origin().sessionId()).isNotEqualTo(o.origin().sessionId()));
        sessions.forget("leg-1");
        sessions.forget("leg-2");
        assertThat(sessions.size()).isZero();
        InetAddress.getByName("192.0.2.10"); // a literal: no lookup, the test needs no network
    }

    @Test
    void theStrictParserRefusesWhatKefuUsedToSend() {
        // The body of every Kefu answer until issue 13: media lines only.
        String mediaOnly = "c=IN IP4 127.0.0.1\r\nm=audio 20000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";
        assertThatThrownBy(() -> StrictSdp.parse(mediaOnly)).hasMessageContaining("v=");
        assertThatThrownBy(() -> StrictSdp.parse("v=0\r\no=- 1 1 IN IP4 h.example\r\ns=-\r\nt=0 0\r\n"))
                .hasMessageContaining("IPv4 literal");
        assertThatThrownBy(() -> StrictSdp.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nc=IN IP4 127.0.0.1\r\n"))
                .hasMessageContaining("out of order");
    }

    private static String body(String message) {
        int at = message.indexOf("\r\n\r\n");
        return message.substring(at + 4);
    }
}
