package org.kefu.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 10: SIP trace and debug logs never carry digest credentials or SIP INFO key
 * presses. Pure: messages parsed by JAIN-SIP's own parser, no socket.
 */
class SipLogMaskTest {

    private static final String INFO_DTMF_RELAY = "INFO sip:95500@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "From: <sip:13800138000@127.0.0.1>;tag=a\r\n"
            + "To: <sip:95500@127.0.0.1>;tag=b\r\n"
            + "Call-ID: info-1\r\n"
            + "CSeq: 3 INFO\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Type: application/dtmf-relay\r\n"
            + "Content-Length: 24\r\n"
            + "\r\n"
            + "Signal=7\r\nDuration=160\r\n";

    private static final String REGISTER_WITH_DIGEST = "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-2\r\n"
            + "From: <sip:8001@127.0.0.1>;tag=c\r\n"
            + "To: <sip:8001@127.0.0.1>\r\n"
            + "Call-ID: reg-1\r\n"
            + "CSeq: 2 REGISTER\r\n"
            + "Max-Forwards: 70\r\n"
            + "Contact: <sip:8001@127.0.0.1:5070>\r\n"
            + "Authorization: Digest username=\"8001\", realm=\"kefu\", nonce=\"n0nce\", uri=\"sip:127.0.0.1\", "
            + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, cnonce=\"cn\", qop=auth, nc=00000001\r\n"
            + "Proxy-Authorization: Digest username=\"8001\", realm=\"kefu\", response=\"fedcba9876543210fedcba9876543210\"\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    @Test
    void theMessageTraceMasksADtmfRelayBody() throws Exception {
        String logged = SipMessageLogger.text(parse(INFO_DTMF_RELAY));
        assertThat(logged).doesNotContain("Signal=7").doesNotContain("Duration").contains("<22 bytes of DTMF masked>")
                .contains("INFO sip:95500@127.0.0.1 SIP/2.0").contains("Call-ID: info-1");
    }

    @Test
    void theMessageTraceMasksAnApplicationDtmfBody() throws Exception {
        String info = INFO_DTMF_RELAY.replace("application/dtmf-relay", "application/dtmf")
                .replace("Content-Length: 24", "Content-Length: 1").replace("Signal=7\r\nDuration=160\r\n", "5");
        String logged = SipMessageLogger.text(parse(info));
        assertThat(logged).contains("<1 bytes of DTMF masked>").doesNotEndWith("5");
    }

    @Test
    void theMessageTraceMasksAuthorizationAndProxyAuthorization() throws Exception {
        String logged = SipMessageLogger.text(parse(REGISTER_WITH_DIGEST));
        assertThat(logged).doesNotContain("0123456789abcdef").doesNotContain("fedcba9876543210")
                .doesNotContain("n0nce").doesNotContain("cnonce")
                .contains("Authorization: Digest username=\"8001\", <masked>")
                .contains("Proxy-Authorization: Digest username=\"8001\", <masked>")
                .contains("Contact: <sip:8001@127.0.0.1:5070>");
    }

    @Test
    void stackDebugLinesQuotingSeveralMessagesAreMaskedToo() {
        String line = "processing message:\n" + INFO_DTMF_RELAY + "SIP/2.0 200 OK\r\nCall-ID: info-1\r\nContent-Length: 0\r\n\r\n"
                + REGISTER_WITH_DIGEST.replace("\r\n", "\n");
        String masked = SipLogMask.mask(line);
        assertThat(masked).doesNotContain("Signal=7").doesNotContain("0123456789abcdef")
                .contains("SIP/2.0 200 OK").contains("REGISTER sip:127.0.0.1 SIP/2.0");
    }

    private static final String KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    private static final String SDP_WITH_KEYS = "v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/SAVP 0 101\r\n"
            + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4\r\n"
            + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + ";inline:" + KEY.toLowerCase() + "\r\n"
            + "a=sendrecv\r\n";
    private static final String INVITE_WITH_SDES = "INVITE sip:95500@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TLS 127.0.0.1:5071;branch=z9hG4bK-3\r\n"
            + "From: <sip:8006@127.0.0.1>;tag=d\r\n"
            + "To: <sip:95500@127.0.0.1>\r\n"
            + "Call-ID: sdes-1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP_WITH_KEYS.length() + "\r\n"
            + "\r\n" + SDP_WITH_KEYS;

    /** Issue 14 item 9: SRTP master keys and salts (SDES inline: values) never reach a log. */
    @Test
    void theMessageTraceMasksSdesKeysAndKeepsTheRestOfTheSdp() throws Exception {
        String logged = SipMessageLogger.text(parse(INVITE_WITH_SDES));
        assertThat(logged).doesNotContain(KEY).doesNotContainIgnoringCase(KEY.toLowerCase())
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<masked>")
                .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:<masked>")
                .contains("m=audio 40000 RTP/SAVP 0 101").contains("a=sendrecv");
        String stackLine = SipLogMask.mask("received: " + INVITE_WITH_SDES.replace("\r\n", "\n") + " (a=CRYPTO:3 X INLINE:" + KEY + ")");
        assertThat(stackLine).doesNotContain(KEY).contains("a=CRYPTO:3 X inline:<masked>");
    }

    @Test
    void otherTextIsUnchanged() {
        String plain = "INVITE sip:95500@127.0.0.1 SIP/2.0\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n";
        assertThat(SipLogMask.mask(plain)).isSameAs(plain);
        assertThat(SipLogMask.mask(null)).isNull();
    }
}
