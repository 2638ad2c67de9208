package org.kefu.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest secret: either the clear password or the precomputed HA1 = MD5(user:realm:password).
 * Why both: storing HA1 avoids keeping clear passwords, but HA1 is bound to one realm.
 */
public record Credential(String extension, String password, String ha1, String ha1Sha256) {

    public static Credential ofPassword(String extension, String password) {
        return new Credential(extension, password, null, null);
    }

    public static Credential ofHa1(String extension, String ha1) {
        return new Credential(extension, null, ha1, null);
    }

    /** Both digests' secrets: MD5(user:realm:password) and SHA-256(user:realm:password) (RFC 8760). */
    public static Credential ofHa1(String extension, String ha1, String ha1Sha256) {
        return new Credential(extension, null, ha1, ha1Sha256);
    }

    public String ha1(String realm) {
        return ha1 != null ? ha1 : md5Hex(extension + ":" + realm + ":" + password);
    }

    /** The SHA-256 secret, or null when only the MD5 one is known. */
    public String ha1Sha256(String realm) {
        return ha1Sha256 != null ? ha1Sha256 : password != null ? sha256Hex(extension + ":" + realm + ":" + password) : null;
    }

    static String md5Hex(String s) {
        return hex("MD5", s);
    }

    static String sha256Hex(String s) {
        return hex("SHA-256", s);
    }

    private static String hex(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Credential[" + extension + "]"; // never print secrets
    }
}
