package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing SDES a=crypto attributes (RFC 4568) and SRTP in SDP offer/answer. */
class SdesCryptoTest {

    private static final String KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"; // RFC 4568's example, 30 bytes

    @Test
    void aUsableAttributeIsRead() {
        SdesCrypto c = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);
        assertThat(c).isNotNull();
        assertThat(c.tag()).isEqualTo(1);
        assertThat(c.key().toInline()).isEqualTo(KEY);
        assertThat(SdesCrypto.parse("2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20")).isNotNull();
        assertThat(c.toSdpLine()).isEqualTo("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "\r\n");
    }

    @Test
    void attributesThisEngineCannotHonourAreSkipped() {
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY)).as("another suite").isNull();
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4")).as("an MKI").isNull();
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4")).as("an MKI").isNull();
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTP")).as("session params").isNull();
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + ";inline:" + KEY)).as("two keys").isNull();
        assertThat(SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=")).as("a short key").isNull();
        assertThat(SdesCrypto.parse("x AES_CM_128_HMAC_SHA1_80 inline:" + KEY)).isNull();
    }

    private static String offer(String profile, String... cryptoLines) {
        StringBuilder sb = new StringBuilder("v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 " + profile + " 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
        for (String l : cryptoLines) {
            sb.append(l).append("\r\n");
        }
        return sb.append("a=sendrecv\r\n").toString();
    }

    @Test
    void anSrtpOfferIsReadWithItsUsableKeysInTheOfferersOrder() {
        SdpMedia.Negotiated n = SdpMedia.negotiate(offer("RTP/SAVP",
                "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:" + KEY + KEY,
                "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY), List.of(AudioCodec.PCMU));
        assertThat(n.secure()).isTrue();
        assertThat(n.cryptos()).extracting(SdesCrypto::tag).containsExactly(2);

        SrtpKey ours = SrtpKey.random();
        String answer = SdpMedia.answerSdp(n, "127.0.0.1", 20000, new SdesCrypto(2, ours));
        assertThat(answer).contains("m=audio 20000 RTP/SAVP 0 101")
                .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + ours.toInline())
                .doesNotContain(KEY);
    }

    @Test
    void plainOffersStayPlainAndKeysOnAPlainOfferAreIgnored() {
        SdpMedia.Negotiated n = SdpMedia.negotiate(offer("RTP/AVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY),
                List.of(AudioCodec.PCMU));
        assertThat(n.secure()).isFalse();
        assertThat(n.cryptos()).isEmpty();
        assertThat(SdpMedia.answerSdp(n, "127.0.0.1", 20000)).contains("RTP/AVP").doesNotContain("crypto");
        assertThatThrownBy(() -> SdpMedia.negotiate(offer("UDP/TLS/RTP/SAVPF"), List.of(AudioCodec.PCMU)))
                .isInstanceOf(SdpMedia.NotAcceptableException.class);
    }

    @Test
    void ourSrtpOfferCarriesOurKey() {
        SrtpKey ours = SrtpKey.random();
        String offer = SdpMedia.offer("127.0.0.1", 20002, List.of(AudioCodec.PCMU, AudioCodec.PCMA), 101, new SdesCrypto(1, ours));
        assertThat(offer).contains("m=audio 20002 RTP/SAVP 0 8 101")
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + ours.toInline() + "\r\n");
        assertThat(SdpMedia.offer("127.0.0.1", 20002, List.of(AudioCodec.PCMU), 101, null)).contains("RTP/AVP").doesNotContain("crypto");
    }
}
