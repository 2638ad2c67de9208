package org.kefu.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest secret: either the clear password or the precomputed HA1 = MD5(user:realm:password).
 * Why both: storing HA1 avoids keeping clear passwords, but HA1 is bound to one realm.
 */
public record Credential(String extension, String password, String ha1) {

    public static Credential ofPassword(String extension, String password) {
        return new Credential(extension, password, null);
    }

    public static Credential ofHa1(String extension, String ha1) {
        return new Credential(extension, null, ha1);
    }

    public String ha1(String realm) {
        return ha1 != null ? ha1 : md5Hex(extension + ":" + realm + ":" + password);
    }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Credential[" + extension + "]"; // never print secrets
    }
}
