package org.kefu.telephony.media;

import java.util.Locale;

/**
 * One SDP {@code a=crypto} attribute (SDES, RFC 4568) that this engine can use: a tag, the suite
 * AES_CM_128_HMAC_SHA1_80 and one inline key with no MKI. Other suites, MKIs (the packet would
 * carry a key index we do not send) and session parameters (UNENCRYPTED_SRTP and the like, which
 * would weaken what the suite promises) make an attribute unusable: {@link #parse} returns null and
 * the offer's next attribute is tried. A key lifetime is accepted and not enforced: the suite's
 * default (2^31 packets) and any lifetime a phone offers (2^20 = 5.8 h at 50 packets/s) outlast the
 * 4-hour call limit.
 */
public record SdesCrypto(int tag, SrtpKey key) {
    public static final String SUITE = "AES_CM_128_HMAC_SHA1_80";

    public SdesCrypto {
        if (tag < 0 || tag > 999_999_999) {
            throw new IllegalArgumentException("crypto tag must be 1 to 9 digits");
        }
    }

    /**
     * Reads the value of an {@code a=crypto:} line (what follows the colon).
     *
     * @return the attribute, or null when it names another suite, an MKI, several keys or session parameters
     */
    public static SdesCrypto parse(String value) {
        String[] f = value.trim().split("\\s+");
        if (f.length != 3) {
            return null; // none, or session parameters after the key
        }
        int tag;
        try {
            tag = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!f[1].toUpperCase(Locale.ROOT).equals(SUITE) || !f[2].regionMatches(true, 0, "inline:", 0, 7)
                || f[2].indexOf(';') >= 0) {
            return null; // another suite, another key method, or more than one key
        }
        String[] keyParams = f[2].substring(7).split("\\|");
        if (keyParams.length > 2 || (keyParams.length == 2 && keyParams[1].contains(":"))) {
            return null; // an MKI (n:len) we would have to put in every packet
        }
        if (keyParams.length == 2 && !keyParams[1].matches("(2\\^)?\\d+")) {
            return null;
        }
        try {
            return new SdesCrypto(tag, SrtpKey.fromInline(keyParams[0]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The attribute's SDP line, with CRLF. It carries the key: SDP goes only over TLS. */
    public String toSdpLine() {
        return "a=crypto:" + tag + " " + SUITE + " inline:" + key.toInline() + "\r\n";
    }

    @Override
    public String toString() {
        return "SdesCrypto[" + tag + " " + SUITE + " key masked]";
    }
}
