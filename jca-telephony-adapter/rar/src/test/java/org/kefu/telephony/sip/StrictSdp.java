package org.kefu.telephony.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A strict reader of session descriptions for the tests (RFC 8866 section 5 and 9, as a carrier's
 * SBC would apply it): CRLF line ends, {@code <type>=<value>} without blanks, the fields in the
 * prescribed order, v=0, a complete o= with numeric session id and version, a non-empty s=, at least
 * one t=, a connection address for every stream, IP literals only, and rtpmap/fmtp only for listed
 * formats. {@link #parse} throws with the first violation; what it returns is what the tests compare.
 */
final class StrictSdp {

    record Origin(String user, long sessionId, long version, String addressType, String address) {
    }

    record Media(String type, int port, String proto, List<String> formats, List<String> attributes) {
    }

    record Session(Origin origin, String name, String connectionAddress, List<Media> media) {
    }

    private static final Pattern IP4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LINE = Pattern.compile("[a-z]=\\S.*");
    /** Session-level types in their order; m= starts the media part. */
    private static final String SESSION_ORDER = "vosiuepcbtrzka";
    private static final String MEDIA_ORDER = "micbka";

    private StrictSdp() {
    }

    static Session parse(String body) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("empty body");
        }
        if (!body.endsWith("\r\n")) {
            throw new IllegalArgumentException("the last line does not end with CRLF");
        }
        String[] lines = body.substring(0, body.length() - 2).split("\r\n", -1);
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a bare LF or CR: " + line);
            }
            if (!LINE.matcher(line).matches()) {
                throw new IllegalArgumentException("not <type>=<value>: \"" + line + "\"");
            }
        }
        int i = 0;
        int lastOrder = -1;
        Origin origin = null;
        String name = null;
        String sessionAddress = null;
        int times = 0;
        for (; i < lines.length && lines[i].charAt(0) != 'm'; i++) {
            char type = lines[i].charAt(0);
            int order = SESSION_ORDER.indexOf(type);
            if (order < 0) {
                throw new IllegalArgumentException("unknown session-level type: " + lines[i]);
            }
            if (order < lastOrder || (order == lastOrder && "tra".indexOf(type) < 0 && type != 'b')) {
                throw new IllegalArgumentException("out of order or repeated: " + lines[i]);
            }
            if (i == 0 && type != 'v') {
                throw new IllegalArgumentException("the first line is not v=");
            }
            lastOrder = order;
            String value = lines[i].substring(2);
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) throw new IllegalArgumentException("v= is not 0");
                }
                case 'o' -> origin = origin(value);
                case 's' -> name = value;
                case 'c' -> sessionAddress = connection(value);
                case 't' -> {
                    if (!value.matches("\\d+ \\d+")) throw new IllegalArgumentException("bad t=: " + value);
                    times++;
                }
                default -> { }
            }
        }
        if (origin == null) throw new IllegalArgumentException("no o= line");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("no s= line");
        if (times == 0) throw new IllegalArgumentException("no t= line");
        if (!lines[1].startsWith("o=") || !lines[2].startsWith("s=")) {
            throw new IllegalArgumentException("o= and s= must follow v=");
        }
        List<Media> media = new ArrayList<>();
        while (i < lines.length) {
            String[] m = lines[i].substring(2).split(" ");
            if (m.length < 4 || !m[1].matches("\\d+") || Integer.parseInt(m[1]) > 65535) {
                throw new IllegalArgumentException("bad m=: " + lines[i]);
            }
            List<String> formats = List.of(m).subList(3, m.length);
            if (m[2].startsWith("RTP/") && !formats.stream().allMatch(f -> f.matches("\\d{1,3}") && Integer.parseInt(f) < 128)) {
                throw new IllegalArgumentException("bad RTP payload type in " + lines[i]);
            }
            String mediaAddress = null;
            List<String> attributes = new ArrayList<>();
            int last = -1;
            for (i++; i < lines.length && lines[i].charAt(0) != 'm'; i++) {
                char type = lines[i].charAt(0);
                int order = MEDIA_ORDER.indexOf(type);
                if (order < 0 || order < last) {
                    throw new IllegalArgumentException("out of place in a media description: " + lines[i]);
                }
                last = order;
                String value = lines[i].substring(2);
                if (type == 'c') {
                    mediaAddress = connection(value);
                } else if (type == 'a') {
                    attributes.add(value);
                    if (value.startsWith("rtpmap:") || value.startsWith("fmtp:")) {
                        String pt = value.substring(value.indexOf(':') + 1).split(" ")[0];
                        if (!formats.contains(pt)) {
                            throw new IllegalArgumentException(value + " names a format the m= line does not list");
                        }
                    }
                }
            }
            if (mediaAddress == null && sessionAddress == null) {
                throw new IllegalArgumentException("no c= for " + String.join(" ", m));
            }
            media.add(new Media(m[0], Integer.parseInt(m[1]), m[2], formats, attributes));
        }
        return new Session(origin, name, sessionAddress, media);
    }

    private static Origin origin(String value) {
        String[] f = value.split(" ");
        if (f.length != 6) throw new IllegalArgumentException("o= needs 6 fields: " + value);
        if (!f[1].matches("\\d+") || !f[2].matches("\\d+")) {
            throw new IllegalArgumentException("o= session id and version must be numeric: " + value);
        }
        if (!f[3].equals("IN")) throw new IllegalArgumentException("o= network type is not IN: " + value);
        address(f[4], f[5]);
        return new Origin(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[4], f[5]);
    }

    private static String connection(String value) {
        String[] f = value.split(" ");
        if (f.length != 3 || !f[0].equals("IN")) throw new IllegalArgumentException("bad c=: " + value);
        address(f[1], f[2]);
        return f[2];
    }

    private static void address(String type, String address) {
        if (type.equals("IP4")) {
            if (!IP4.matcher(address).matches()) {
                throw new IllegalArgumentException("not an IPv4 literal: " + address);
            }
        } else if (type.equals("IP6")) {
            if (!address.matches("[0-9a-fA-F:.]+") || !address.contains(":")) {
                throw new IllegalArgumentException("not an IPv6 literal: " + address);
            }
        } else {
            throw new IllegalArgumentException("unknown address type " + type);
        }
    }

}
