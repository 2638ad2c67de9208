package org.kefu.telephony.switching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kefu.telephony.sip.DigestAuthenticator;

/**
 * SHA-256 digests (RFC 8760) are offered once every provisioned desk phone has a SHA-256 secret,
 * to every user alike, and stop being offered when a phone with only an MD5 secret is added.
 */
class DeviceDirectoryTest {

    private static String md5(String ext) {
        return hex("MD5", ext + ":kefu:pw");
    }

    private static String sha(String ext) {
        return hex("SHA-256", ext + ":kefu:pw");
    }

    private static String hex(String algorithm, String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sha256IsOfferedOnlyWhileEveryPhoneCanAnswerIt() {
        DeviceDirectory phones = new DeviceDirectory();
        DigestAuthenticator auth = new DigestAuthenticator("kefu", Duration.ofMinutes(5), Clock.systemUTC());
        auth.offerSha256When(phones::everyoneHasSha256);
        assertThat(auth.challenges(false, "8001")).hasSize(1).allMatch(c -> c.contains("algorithm=MD5"));

        phones.provision("8001", md5("8001"), sha("8001"));
        phones.provision("8002", md5("8002"), sha("8002"));
        assertThat(auth.challenges(false, "8001")).hasSize(2);
        assertThat(auth.challenges(false, "8001").get(0)).contains("algorithm=SHA-256");
        assertThat(auth.challenges(false, "9999").get(0)).as("an unknown extension is challenged alike")
                .contains("algorithm=SHA-256");

        phones.provision("8003", md5("8003"), null); // an MD5-only phone would fail a SHA-256 challenge
        assertThat(auth.challenges(false, "8001")).hasSize(1).allMatch(c -> c.contains("algorithm=MD5"));

        phones.remove("8003");
        assertThat(auth.challenges(false, "8002")).hasSize(2);
        assertThat(phones.lookup("8001").orElseThrow().ha1Sha256("kefu")).isEqualTo(sha("8001"));
    }
}
