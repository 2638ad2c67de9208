package org.kefu.guard;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Passwords bcrypt has just accepted, so that a client sending HTTP BASIC on every request (the
 * back office, the REST API) does not pay bcrypt's 80 ms (cost 10, this project's 2-core machine)
 * on each one. What is kept is an HMAC of the password under a key made at start and never
 * written anywhere, with the stored hash it matched and an expiry ({@code
 * kefu.guard.verifiedSeconds}, 300 by default; 0 turns this off). It only ever confirms a
 * password bcrypt accepted against the very hash the database holds now: a changed password (a
 * new hash), a locked or disabled account (the realm reads the row on every attempt) or the
 * guard's own refusal take effect at once. A wrong guess is never kept, so it always costs bcrypt.
 */
final class VerifiedPasswords {

    /** Beyond this many logins the oldest memory is dropped wholesale: memory stays bounded. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] mac, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    VerifiedPasswords(long ttlSeconds, LongSupplier nanoClock) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.ttlNanos = Math.max(0, ttlSeconds) * 1_000_000_000L;
        this.nanoClock = nanoClock;
    }

    static VerifiedPasswords fromSystemProperties() {
        return new VerifiedPasswords(Long.getLong("kefu.guard.verifiedSeconds", 300), System::nanoTime);
    }

    /** Whether bcrypt accepted exactly this password for this login against this stored hash, recently. */
    boolean confirms(String login, String storedHash, char[] guess) {
        if (ttlNanos == 0) {
            return false;
        }
        Entry e = entries.get(login);
        if (e == null || !e.storedHash.equals(storedHash) || nanoClock.getAsLong() - e.expiresAt >= 0) {
            return false;
        }
        return MessageDigest.isEqual(e.mac, mac(login, guess));
    }

    /** Bcrypt has just accepted it. */
    void remember(String login, String storedHash, char[] guess) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(login, new Entry(storedHash, mac(login, guess), nanoClock.getAsLong() + ttlNanos));
    }

    private byte[] mac(String login, char[] guess) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(guess));
        byte[] password = new byte[bytes.remaining()];
        bytes.get(password);
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(login.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }
}
