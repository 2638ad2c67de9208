package org.kefu.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 2617 / RFC 3261 MD5 digest with qop=auth.
 * Nonces are self-validating (expiry + HMAC), so we only keep state for replay protection: the highest
 * nonce-count seen per nonce, dropped when the nonce expires.
 */
public final class DigestAuthenticator {

    /** Outcome of checking an Authorization/Proxy-Authorization header. */
    public enum Verdict { OK, MISSING, STALE, FORBIDDEN }

    /** Parsed digest parameters, transport-neutral so the check is unit-testable. */
    public record DigestResponse(String scheme, String username, String realm, String nonce, String uri,
                                 String response, String qop, String nc, String cnonce, String algorithm) {
    }

    public record Result(Verdict verdict, String extension) {
    }

    private final String realm;
    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> lastNonceCount = new ConcurrentHashMap<>();

    public DigestAuthenticator(String realm, Duration lifetime, Clock clock) {
        this.realm = realm;
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] secret = new byte[32];
        random.nextBytes(secret); // per-process secret: nonces die with a restart, clients just re-auth
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String realm() {
        return realm;
    }

    public String newNonce() {
        long expiry = clock.millis() + lifetime.toMillis();
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        String body = expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        return body + "." + hmac(body);
    }

    /** Value for WWW-Authenticate / Proxy-Authenticate. */
    public String challenge(boolean stale) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + newNonce() + "\", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    public Result verify(Optional<DigestResponse> header, String method, CredentialSource credentials) {
        if (header.isEmpty() || !"Digest".equalsIgnoreCase(header.get().scheme())) {
            return new Result(Verdict.MISSING, null); // unknown scheme (RFC 4475 regaut01): challenge
        }
        DigestResponse d = header.get();
        if (d.username() == null || d.nonce() == null || d.response() == null || d.uri() == null
                || !realm.equals(d.realm())) {
            return new Result(Verdict.MISSING, null);
        }
        if (d.algorithm() != null && !"MD5".equalsIgnoreCase(d.algorithm())) {
            return new Result(Verdict.MISSING, null);
        }
        long expiry = nonceExpiry(d.nonce());
        if (expiry < 0) {
            return new Result(Verdict.MISSING, null); // not ours (or from before a restart): fresh challenge
        }
        if (expiry < clock.millis()) {
            return new Result(Verdict.STALE, null);
        }
        if (!"auth".equalsIgnoreCase(d.qop()) || d.nc() == null || d.cnonce() == null) {
            return new Result(Verdict.FORBIDDEN, null); // we only offer qop=auth
        }
        Optional<Credential> credential = credentials.lookup(d.username());
        if (credential.isEmpty()) {
            return new Result(Verdict.FORBIDDEN, null);
        }
        String ha2 = Credential.md5Hex(method + ":" + d.uri());
        String expected = Credential.md5Hex(credential.get().ha1(realm) + ":" + d.nonce() + ":" + d.nc() + ":"
                + d.cnonce() + ":" + d.qop() + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                d.response().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Verdict.FORBIDDEN, null);
        }
        long nc;
        try {
            nc = Long.parseLong(d.nc(), 16);
        } catch (NumberFormatException e) {
            return new Result(Verdict.FORBIDDEN, null);
        }
        // Replay protection: each nonce-count may be used once and must grow.
        boolean[] fresh = {false};
        lastNonceCount.compute(d.nonce(), (k, last) -> {
            if (last == null || nc > last) {
                fresh[0] = true;
                return nc;
            }
            return last;
        });
        if (!fresh[0]) {
            return new Result(Verdict.FORBIDDEN, null);
        }
        return new Result(Verdict.OK, d.username());
    }

    /** Forget replay state of expired nonces (called by the link's housekeeping). */
    public void sweep() {
        long now = clock.millis();
        lastNonceCount.keySet().removeIf(n -> nonceExpiry(n) < now);
    }

    int trackedNonces() {
        return lastNonceCount.size();
    }

    private long nonceExpiry(String nonce) {
        int last = nonce.lastIndexOf('.');
        int first = nonce.indexOf('.');
        if (first <= 0 || last <= first) return -1;
        String body = nonce.substring(0, last);
        if (!MessageDigest.isEqual(hmac(body).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return -1;
        }
        try {
            return Long.parseLong(nonce.substring(0, first));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
