package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OverloadAnswerTest {

    private static final String INVITE = "INVITE sip:12345@127.0.0.1:5060 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.9:5070;branch=z9hG4bKa1;rport\r\n"
            + "v: SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKp1\r\n"
            + "Max-Forwards: 70\r\n"
            + "f: <sip:13800138000@10.0.0.9>;tag=c1\r\n"
            + "To: <sip:12345@127.0.0.1>\r\n"
            + "Call-ID: flood-1@10.0.0.9\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n\r\nv=0\n";

    private static String answer(String request) {
        byte[] b = request.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = OverloadAnswer.to(b, b.length, 5);
        return r == null ? null : new String(r, StandardCharsets.ISO_8859_1);
    }

    @Test
    void anInviteGetsA503EchoingWhatAResponseMustCarry() {
        String r = answer(INVITE);
        assertThat(r).startsWith("SIP/2.0 503 Service Unavailable\r\n");
        assertThat(r).contains("Via: SIP/2.0/UDP 10.0.0.9:5070;branch=z9hG4bKa1;rport\r\nv: SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKp1\r\n");
        assertThat(r).contains("f: <sip:13800138000@10.0.0.9>;tag=c1\r\n");
        assertThat(r).contains("To: <sip:12345@127.0.0.1>;tag=kefu503\r\n");
        assertThat(r).contains("Call-ID: flood-1@10.0.0.9\r\n", "CSeq: 1 INVITE\r\n", "Retry-After: 5\r\n");
        assertThat(r).endsWith("Content-Length: 0\r\n\r\n");
        assertThat(r).doesNotContain("v=0", "Max-Forwards");
    }

    @Test
    void anExistingToTagIsKept() {
        assertThat(answer(INVITE.replace("To: <sip:12345@127.0.0.1>", "To: <sip:12345@127.0.0.1>;tag=abc")))
                .contains("To: <sip:12345@127.0.0.1>;tag=abc\r\n").doesNotContain("kefu503");
    }

    @Test
    void everythingElseIsJustDropped() {
        assertThat(answer(INVITE.replace("INVITE sip:", "ACK sip:"))).isNull();
        assertThat(answer("SIP/2.0 200 OK\r\nVia: x\r\n\r\n")).isNull();
        assertThat(answer(INVITE.replace("Call-ID: flood-1@10.0.0.9\r\n", ""))).as("no Call-ID").isNull();
        assertThat(answer("INVITE")).isNull();
        assertThat(answer("garbage \u0000\u0001")).isNull();
    }
}
