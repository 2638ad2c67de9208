package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MutableClock clock = new MutableClock();
    final DigestAuthenticator auth = new DigestAuthenticator("kefu", Duration.ofMinutes(5), clock);

    /** What a phone computes (RFC 2617 3.2.2 with qop=auth). */
    static DigestAuthenticator.DigestResponse phone(String user, String password, String nonce, String nc, String method, String uri) {
        String ha1 = Credential.md5Hex(user + ":kefu:" + password);
        String ha2 = Credential.md5Hex(method + ":" + uri);
        String response = Credential.md5Hex(ha1 + ":" + nonce + ":" + nc + ":c0ffee:auth:" + ha2);
        return new DigestAuthenticator.DigestResponse("Digest", user, "kefu", nonce, uri, response, "auth", nc, "c0ffee", "MD5");
    }

    static String nonceOf(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void acceptsCorrectResponseOnce() {
        String nonce = nonceOf(auth.challenge(false));
        var ok = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", TestLinks.DEMO_CREDENTIALS);
        assertThat(ok.verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        assertThat(ok.extension()).isEqualTo("8001");
        // replay of the same nonce-count
        var replay = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", TestLinks.DEMO_CREDENTIALS);
        assertThat(replay.verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        // next nonce-count is fine
        var next = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000002", "REGISTER", "sip:kefu")), "REGISTER", TestLinks.DEMO_CREDENTIALS);
        assertThat(next.verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
    }

    @Test
    void wrongPasswordUnknownUserAndForeignNonce() {
        String nonce = nonceOf(auth.challenge(false));
        assertThat(auth.verify(Optional.of(phone("8001", "wrong", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        assertThat(auth.verify(Optional.of(phone("9999", "kefu-demo", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        assertThat(auth.verify(Optional.of(phone("8001", "kefu-demo", "123.abc.forged", "00000001", "REGISTER", "sip:kefu")), "REGISTER",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.MISSING);
        assertThat(auth.verify(Optional.empty(), "REGISTER", TestLinks.DEMO_CREDENTIALS).verdict())
                .isEqualTo(DigestAuthenticator.Verdict.MISSING);
    }

    @Test
    void expiredNonceIsStaleAndSweptAway() {
        String nonce = nonceOf(auth.challenge(false));
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", nonce, "00000001", "INVITE", "sip:95500@kefu")), "INVITE",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", nonce, "00000002", "INVITE", "sip:95500@kefu")), "INVITE",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.STALE);
        assertThat(auth.challenge(true)).contains("stale=true").contains("qop=\"auth\"");
        auth.sweep();
        assertThat(auth.trackedNonces()).isZero();
    }

    @Test
    void ha1CredentialsWork() {
        String ha1 = Credential.md5Hex("8003:kefu:secret");
        CredentialSource source = ext -> Optional.of(Credential.ofHa1(ext, ha1));
        String nonce = nonceOf(auth.challenge(false));
        assertThat(auth.verify(Optional.of(phone("8003", "secret", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", source)
                .verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        assertThat(Credential.ofPassword("8003", "secret").toString()).doesNotContain("secret");
    }
}
