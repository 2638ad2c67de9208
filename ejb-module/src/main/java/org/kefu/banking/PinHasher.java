package org.kefu.banking;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * PINs are six digits, so a fast hash would be brute-forced in microseconds: PBKDF2 with
 * HMAC-SHA256 from the JDK, a random salt per card and at least 100,000 iterations makes each
 * guess cost real time. Comparison is constant-time. The PIN itself is never kept or logged.
 */
public final class PinHasher {

    public static final int ITERATIONS = 120_000;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the bank_card row keeps: hash and salt in Base64, and the iteration count used. */
    public record Stored(String hash, String salt, int iterations) {
    }

    private PinHasher() {
    }

    public static Stored hash(char[] pin) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Stored(b64.encodeToString(derive(pin, salt, ITERATIONS)), b64.encodeToString(salt), ITERATIONS);
    }

    public static boolean matches(char[] pin, Stored stored) {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(stored.hash());
        byte[] actual = derive(pin, b64.decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    /** Six digits, nothing else: anything else is not a PIN and is not even hashed. */
    public static boolean wellFormed(String pin) {
        return pin != null && pin.length() == 6 && pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }
}
