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
 * RFC 2617 / RFC 3261 digest with qop=auth, MD5 and (RFC 8760) SHA-256.
 * Nonces are self-validating (expiry + HMAC) and bound to the user they were issued for (a nonce
 * challenged for 8001 does not serve to guess 8002's password); the digest's uri must be the
 * request's own Request-URI (a response captured for another request is not replayed here). We only
 * keep state for replay protection: the highest nonce-count seen per nonce, dropped when it expires.
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
    /** Offer SHA-256 (before MD5) to every user: only when every credential can answer it. */
    private volatile java.util.function.BooleanSupplier offerSha256 = () -> false;

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

    /** Offer SHA-256 digests too (RFC 8760), first: only when every credential has a SHA-256 secret. */
    public void offerSha256(boolean offer) {
        this.offerSha256 = () -> offer;
    }

    /** Offer SHA-256 while the condition holds (the credential source says every user has a SHA-256 secret). */
    public void offerSha256When(java.util.function.BooleanSupplier condition) {
        this.offerSha256 = condition;
    }

    /** A nonce for challenging {@code user} (the user named in To for REGISTER, From for INVITE). */
    public String newNonce(String user) {
        long expiry = clock.millis() + lifetime.toMillis();
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        String body = expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        return body + "." + hmac(body + ":" + user);
    }

    /**
     * Values for WWW-Authenticate / Proxy-Authenticate, one header each, preferred first. The same for
     * every user, known or not: the challenge must not tell which extensions exist.
     */
    public java.util.List<String> challenges(boolean stale, String user) {
        String nonce = newNonce(user == null ? "" : user);
        String tail = ", nonce=\"" + nonce + "\", qop=\"auth\"" + (stale ? ", stale=true" : "");
        String md5 = "Digest realm=\"" + realm + "\", algorithm=MD5" + tail;
        return offerSha256.getAsBoolean() ? java.util.List.of("Digest realm=\"" + realm + "\", algorithm=SHA-256" + tail, md5)
                : java.util.List.of(md5);
    }

    /**
     * @param requestUri the request's Request-URI, which the digest's uri parameter must name
     */
    public Result verify(Optional<DigestResponse> header, String method, String requestUri, CredentialSource credentials) {
        if (header.isEmpty() || !"Digest".equalsIgnoreCase(header.get().scheme())) {
            return new Result(Verdict.MISSING, null); // unknown scheme (RFC 4475 regaut01): challenge
        }
        DigestResponse d = header.get();
        if (d.username() == null || d.nonce() == null || d.response() == null || d.uri() == null
                || !realm.equals(d.realm())) {
            return new Result(Verdict.MISSING, null);
        }
        boolean sha256 = "SHA-256".equalsIgnoreCase(d.algorithm());
        if (d.algorithm() != null && !"MD5".equalsIgnoreCase(d.algorithm()) && !(sha256 && offerSha256.getAsBoolean())) {
            return new Result(Verdict.MISSING, null);
        }
        long expiry = nonceExpiry(d.nonce(), d.username());
        if (expiry < 0) {
            return new Result(Verdict.MISSING, null); // not ours (or from before a restart): fresh challenge
        }
        if (expiry < clock.millis()) {
            return new Result(Verdict.STALE, null);
        }
        if (!"auth".equalsIgnoreCase(d.qop()) || d.nc() == null || d.cnonce() == null) {
            return new Result(Verdict.FORBIDDEN, null); // we only offer qop=auth
        }
        if (requestUri == null || !sameUri(d.uri(), requestUri)) {
            return new Result(Verdict.FORBIDDEN, null); // a digest computed for another request
        }
        Optional<Credential> credential = credentials.lookup(d.username());
        String ha1 = credential.map(c -> sha256 ? c.ha1Sha256(realm) : c.ha1(realm)).orElse(null);
        if (ha1 == null) {
            return new Result(Verdict.FORBIDDEN, null);
        }
        java.util.function.UnaryOperator<String> h = sha256 ? Credential::sha256Hex : Credential::md5Hex;
        String ha2 = h.apply(method + ":" + d.uri());
        String expected = h.apply(ha1 + ":" + d.nonce() + ":" + d.nc() + ":" + d.cnonce() + ":" + d.qop() + ":" + ha2);
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
        lastNonceCount.keySet().removeIf(n -> expiryOf(n) < now);
    }

    /** The digest uri names the Request-URI (compared as text, case-insensitively, angle brackets aside). */
    private static boolean sameUri(String digestUri, String requestUri) {
        String a = digestUri.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        return a.equalsIgnoreCase(requestUri.trim());
    }

    /** The expiry written in a nonce, without checking whose it is (only for forgetting replay state). */
    private static long expiryOf(String nonce) {
        int first = nonce.indexOf('.');
        try {
            return first <= 0 ? -1 : Long.parseLong(nonce.substring(0, first));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int trackedNonces() {
        return lastNonceCount.size();
    }

    /** The nonce's expiry if we issued it for this user, else -1. */
    private long nonceExpiry(String nonce, String user) {
        int last = nonce.lastIndexOf('.');
        int first = nonce.indexOf('.');
        if (first <= 0 || last <= first) return -1;
        String body = nonce.substring(0, last);
        if (!MessageDigest.isEqual(hmac(body + ":" + user).getBytes(StandardCharsets.US_ASCII),
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
