package org.kefu.telephony.media;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * One side's SRTP master key and master salt for AES_CM_128_HMAC_SHA1_80 (RFC 3711, RFC 4568
 * section 6.2): 128 bits of key and 112 of salt, which SDES carries as one base64 "inline:" value.
 * Each side sends with its own key: Kefu draws a fresh one per call leg, so a key that leaks
 * from one call (a phone's log, say) opens no other call.
 * <p>
 * {@link #toString()} never shows the key: a key in a log would let whoever reads the log hear the call.
 */
public final class SrtpKey {
    public static final int KEY_BYTES = 16;
    public static final int SALT_BYTES = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyAndSalt;

    private SrtpKey(byte[] keyAndSalt) {
        this.keyAndSalt = keyAndSalt;
    }

    /** A fresh key and salt from the platform's strong random source. */
    public static SrtpKey random() {
        byte[] b = new byte[KEY_BYTES + SALT_BYTES];
        RANDOM.nextBytes(b);
        return new SrtpKey(b);
    }

    /** From the base64 of key||salt as in an "inline:" value; exactly 30 bytes or it is refused. */
    public static SrtpKey fromInline(String base64) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SDES key is not base64");
        }
        if (b.length != KEY_BYTES + SALT_BYTES) {
            throw new IllegalArgumentException("SDES key||salt must be 30 bytes, not " + b.length);
        }
        return new SrtpKey(b);
    }

    /** For tests (RFC 3711 vectors): a key and salt given separately. */
    static SrtpKey of(byte[] masterKey, byte[] masterSalt) {
        if (masterKey.length != KEY_BYTES || masterSalt.length != SALT_BYTES) {
            throw new IllegalArgumentException("AES-128 key and 112-bit salt expected");
        }
        byte[] b = Arrays.copyOf(masterKey, KEY_BYTES + SALT_BYTES);
        System.arraycopy(masterSalt, 0, b, KEY_BYTES, SALT_BYTES);
        return new SrtpKey(b);
    }

    /** The base64 text of an "inline:" value. */
    public String toInline() {
        return Base64.getEncoder().encodeToString(keyAndSalt);
    }

    byte[] masterKey() {
        return Arrays.copyOfRange(keyAndSalt, 0, KEY_BYTES);
    }

    byte[] masterSalt() {
        return Arrays.copyOfRange(keyAndSalt, KEY_BYTES, KEY_BYTES + SALT_BYTES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKey k && java.security.MessageDigest.isEqual(keyAndSalt, k.keyAndSalt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyAndSalt);
    }

    @Override
    public String toString() {
        return "SrtpKey[masked]";
    }
}
