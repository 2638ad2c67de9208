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
        String nonce = nonceOf(auth.challenges(false, "8001").get(0));
        var ok = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS);
        assertThat(ok.verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        assertThat(ok.extension()).isEqualTo("8001");
        // replay of the same nonce-count
        var replay = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS);
        assertThat(replay.verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        // next nonce-count is fine
        var next = auth.verify(Optional.of(phone("8001", "kefu-demo", nonce, "00000002", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS);
        assertThat(next.verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
    }

    @Test
    void wrongPasswordUnknownUserAndForeignNonce() {
        String nonce = nonceOf(auth.challenges(false, "8001").get(0));
        assertThat(auth.verify(Optional.of(phone("8001", "wrong", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        assertThat(auth.verify(Optional.of(phone("9999", "kefu-demo", nonceOf(auth.challenges(false, "9999").get(0)), "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
        assertThat(auth.verify(Optional.of(phone("8001", "kefu-demo", "123.abc.forged", "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.MISSING);
        assertThat(auth.verify(Optional.empty(), "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS).verdict())
                .isEqualTo(DigestAuthenticator.Verdict.MISSING);
    }

    @Test
    void expiredNonceIsStaleAndSweptAway() {
        String nonce = nonceOf(auth.challenges(false, "8002").get(0));
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", nonce, "00000001", "INVITE", "sip:95500@kefu")), "INVITE", "sip:95500@kefu",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", nonce, "00000002", "INVITE", "sip:95500@kefu")), "INVITE", "sip:95500@kefu",
                TestLinks.DEMO_CREDENTIALS).verdict()).isEqualTo(DigestAuthenticator.Verdict.STALE);
        assertThat(auth.challenges(true, "8002").get(0)).contains("stale=true").contains("qop=\"auth\"");
        auth.sweep();
        assertThat(auth.trackedNonces()).isZero();
    }

    @Test
    void ha1CredentialsWork() {
        String ha1 = Credential.md5Hex("8003:kefu:secret");
        CredentialSource source = ext -> Optional.of(Credential.ofHa1(ext, ha1));
        String nonce = nonceOf(auth.challenges(false, "8003").get(0));
        assertThat(auth.verify(Optional.of(phone("8003", "secret", nonce, "00000001", "REGISTER", "sip:kefu")), "REGISTER", "sip:kefu", source)
                .verdict()).isEqualTo(DigestAuthenticator.Verdict.OK);
        assertThat(Credential.ofPassword("8003", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void aNonceServesOnlyTheUserItWasIssuedFor() {
        String forOther = nonceOf(auth.challenges(false, "8001").get(0));
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", forOther, "00000001", "REGISTER", "sip:kefu")),
                "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS).verdict())
                .as("8001's nonce used to guess 8002's password: a new challenge, not a verdict")
                .isEqualTo(DigestAuthenticator.Verdict.MISSING);
    }

    @Test
    void theDigestMustNameThisRequestsUri() {
        String nonce = nonceOf(auth.challenges(false, "8002").get(0));
        // a response a phone computed for another request (captured, or crafted for another target)
        assertThat(auth.verify(Optional.of(phone("8002", "kefu-demo", nonce, "00000001", "INVITE", "sip:95500@kefu")),
                "INVITE", "sip:0044207946000@kefu", TestLinks.DEMO_CREDENTIALS).verdict())
                .isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
    }

    @Test
    void sha256IsOfferedFirstAndVerified() {
        auth.offerSha256(true);
        var challenges = auth.challenges(false, "8004");
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256");
        assertThat(challenges.get(1)).contains("algorithm=MD5");
        String nonce = nonceOf(challenges.get(0));
        String ha1 = Credential.sha256Hex("8004:kefu:kefu-demo");
        String ha2 = Credential.sha256Hex("REGISTER:sip:kefu");
        String response = Credential.sha256Hex(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        var d = new DigestAuthenticator.DigestResponse("Digest", "8004", "kefu", nonce, "sip:kefu", response, "auth",
                "00000001", "c0ffee", "SHA-256");
        assertThat(auth.verify(Optional.of(d), "REGISTER", "sip:kefu", TestLinks.DEMO_CREDENTIALS).verdict())
                .isEqualTo(DigestAuthenticator.Verdict.OK);
        // an MD5-only secret cannot answer SHA-256
        CredentialSource md5Only = ext -> Optional.of(Credential.ofHa1(ext, Credential.md5Hex(ext + ":kefu:kefu-demo")));
        var d2 = new DigestAuthenticator.DigestResponse("Digest", "8004", "kefu", nonce, "sip:kefu", response, "auth",
                "00000002", "c0ffee", "SHA-256");
        assertThat(auth.verify(Optional.of(d2), "REGISTER", "sip:kefu", md5Only).verdict())
                .isEqualTo(DigestAuthenticator.Verdict.FORBIDDEN);
    }
}
