package org.kefu.telephony.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** One CIDR block ("127.0.0.0/8", "2001:db8::/32", or a bare address meaning /32 or /128). */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    public static Cidr parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        if (!addressPart.matches("[0-9a-fA-F:.]+")) {
            // Why: InetAddress.getByName would do a DNS lookup for a host name; an ACL takes literals only.
            throw new IllegalArgumentException("not an IP literal: " + text);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(addressPart).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + text, e);
        }
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(mask(address, prefix), prefix, s);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false; // IPv4 block never matches an IPv6 address (and vice versa)
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    public boolean contains(String ipLiteral) {
        try {
            return ipLiteral != null && ipLiteral.matches("[0-9a-fA-F:.]+") && contains(InetAddress.getByName(ipLiteral));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
