package org.kefu.telephony.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audio part of SDP offer/answer (RFC 3264) for what this engine can do: PCMU, PCMA and
 * telephone-event, 20 ms packets. The SIP layer builds the session-level lines (v=, o=, s=, t=) and
 * appends {@link #offer} or the SDP of {@link #answer}; {@link #negotiate} reads the peer's SDP.
 * Codec choice: the first codec in the offer's m-line order that we support (the offerer's
 * preference wins, as RFC 3264 recommends).
 */
public final class SdpMedia {
    public static final int DEFAULT_DTMF_PAYLOAD_TYPE = 101;

    private SdpMedia() {
    }

    /** The result of reading a peer's SDP: where to send, which codec, which DTMF payload type. */
    public static final class Negotiated {
        private final String remoteHost;
        private final int remotePort;
        private final AudioCodec codec;
        private final int dtmfPayloadType;
        private final String direction;
        private final boolean secure;
        private final List<SdesCrypto> cryptos;

        Negotiated(String remoteHost, int remotePort, AudioCodec codec, int dtmfPayloadType, String direction) {
            this(remoteHost, remotePort, codec, dtmfPayloadType, direction, false, List.of());
        }

        Negotiated(String remoteHost, int remotePort, AudioCodec codec, int dtmfPayloadType, String direction,
                   boolean secure, List<SdesCrypto> cryptos) {
            this.secure = secure;
            this.cryptos = List.copyOf(cryptos);
            this.remoteHost = remoteHost;
            this.remotePort = remotePort;
            this.codec = codec;
            this.dtmfPayloadType = dtmfPayloadType;
            this.direction = direction;
        }

        public String remoteHost() {
            return remoteHost;
        }

        public int remotePort() {
            return remotePort;
        }

        public AudioCodec codec() {
            return codec;
        }

        /** The peer's telephone-event payload type, or -1. */
        public int dtmfPayloadType() {
            return dtmfPayloadType;
        }

        /** Whether the stream's transport is RTP/SAVP (SRTP); its keys are then in {@link #cryptos()}. */
        public boolean secure() {
            return secure;
        }

        /**
         * The stream's {@code a=crypto} attributes this engine can use, in the peer's order of
         * preference (empty for RTP/AVP, and for RTP/SAVP offering only suites we lack).
         */
        public List<SdesCrypto> cryptos() {
            return cryptos;
        }

        /** sendrecv, sendonly, recvonly or inactive, as the peer declared it. */
        public String direction() {
            return direction;
        }
    }

    /** Thrown when the peer's SDP has no usable audio stream; the SIP layer answers 488. */
    public static class NotAcceptableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public NotAcceptableException(String message) {
            super(message);
        }
    }

    /**
     * The c= and m=audio lines (plus attributes) offering the given codecs in order, and
     * telephone-event if {@code dtmfPayloadType >= 0}. Lines end with CRLF.
     */
    public static String offer(String address, int port, List<AudioCodec> codecs, int dtmfPayloadType) {
        return media(address, port, codecs, dtmfPayloadType, "sendrecv");
    }

    /**
     * Reads an offer and builds our answer's media part with the chosen codec (and telephone-event
     * with the offerer's payload type, if offered).
     *
     * @return the negotiation; {@link #answerSdp} gives the text
     * @throws NotAcceptableException if there is no audio stream or no common codec
     */
    public static Negotiated negotiate(String remoteSdp, List<AudioCodec> supported) {
        String sessionAddress = null;
        String mediaAddress = null;
        String mLine = null;
        Map<Integer, String> rtpmap = new LinkedHashMap<>();
        List<SdesCrypto> cryptos = new ArrayList<>();
        String direction = "sendrecv";
        boolean inAudio = false;
        boolean seenMedia = false;
        for (String raw : remoteSdp.split("\r\n|\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (mLine != null) {
                    break; // only the first audio stream is used
                }
                inAudio = line.startsWith("m=audio ");
                seenMedia = true;
                if (inAudio) {
                    mLine = line;
                }
            } else if (line.startsWith("c=")) {
                String addr = connectionAddress(line);
                if (!seenMedia) {
                    sessionAddress = addr;
                } else if (inAudio) {
                    mediaAddress = addr;
                }
            } else if (line.startsWith("a=") && (inAudio || !seenMedia)) {
                String attr = line.substring(2);
                if (attr.startsWith("rtpmap:") && inAudio) {
                    String[] parts = attr.substring(7).split("\\s+", 2);
                    try {
                        rtpmap.put(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "");
                    } catch (NumberFormatException e) {
                        // ignore a broken rtpmap
                    }
                } else if (attr.startsWith("crypto:") && inAudio) {
                    SdesCrypto crypto = SdesCrypto.parse(attr.substring(7));
                    if (crypto != null) {
                        cryptos.add(crypto);
                    }
                } else if (attr.equals("sendrecv") || attr.equals("sendonly") || attr.equals("recvonly")
                        || attr.equals("inactive")) {
                    direction = attr;
                }
            }
        }
        if (mLine == null) {
            throw new NotAcceptableException("no audio stream in SDP");
        }
        String[] m = mLine.split("\\s+");
        if (m.length < 4) {
            throw new NotAcceptableException("malformed m=audio line");
        }
        int port;
        try {
            port = Integer.parseInt(m[1].split("/")[0]);
        } catch (NumberFormatException e) {
            throw new NotAcceptableException("malformed port in m=audio line");
        }
        if (port == 0) {
            throw new NotAcceptableException("audio stream rejected (port 0)");
        }
        String profile = m[2].toUpperCase(Locale.ROOT);
        boolean secure = profile.equals("RTP/SAVP");
        if (!secure && !profile.startsWith("RTP/AVP")) {
            throw new NotAcceptableException("unsupported transport " + m[2] + " (only RTP/AVP and RTP/SAVP)");
        }
        AudioCodec chosen = null;
        int dtmf = -1;
        for (int i = 3; i < m.length; i++) {
            int pt;
            try {
                pt = Integer.parseInt(m[i]);
            } catch (NumberFormatException e) {
                continue;
            }
            String map = rtpmap.get(pt);
            AudioCodec codec = map != null ? AudioCodec.forEncodingName(map.split("/")[0]) : AudioCodec.forPayloadType(pt);
            if (codec != null && map != null && !map.contains("/8000")) {
                codec = null; // e.g. PCMU/16000 does not exist, but be strict
            }
            if (chosen == null && codec != null && supported.contains(codec)) {
                chosen = codec;
            }
            if (dtmf < 0 && map != null && map.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
                dtmf = pt;
            }
        }
        if (chosen == null) {
            throw new NotAcceptableException("no common audio codec (we support " + supported + ")");
        }
        String host = mediaAddress != null ? mediaAddress : sessionAddress;
        if (host == null) {
            throw new NotAcceptableException("no connection address (c=) in SDP");
        }
        if (mediaAddress(host).isAnyLocalAddress()) {
            direction = "inactive"; // c=0.0.0.0: hold the RFC 2543 way (RFC 3264 section 8.4); nothing to send to
        }
        return new Negotiated(host, port, chosen, dtmf, direction, secure, secure ? cryptos : List.of());
    }

    /** Our answer's media part for a negotiation: the chosen codec only, mirrored direction. */
    public static String answerSdp(Negotiated n, String localAddress, int localPort) {
        return answerSdp(n, localAddress, localPort, null);
    }

    /**
     * Our answer's media part; with {@code crypto} (the tag of the peer's attribute we took, and our
     * own key) it is RTP/SAVP, else RTP/AVP.
     */
    public static String answerSdp(Negotiated n, String localAddress, int localPort, SdesCrypto crypto) {
        String dir;
        switch (n.direction()) {
            case "sendonly": dir = "recvonly"; break;
            case "recvonly": dir = "sendonly"; break;
            case "inactive": dir = "inactive"; break;
            default: dir = "sendrecv";
        }
        return media(localAddress, localPort, List.of(n.codec()), n.dtmfPayloadType(), dir, crypto);
    }

    /** An offer as {@link #offer(String, int, List, int)}, as RTP/SAVP with our SDES key when {@code crypto} is given. */
    public static String offer(String address, int port, List<AudioCodec> codecs, int dtmfPayloadType, SdesCrypto crypto) {
        return media(address, port, codecs, dtmfPayloadType, "sendrecv", crypto);
    }

    private static String media(String address, int port, List<AudioCodec> codecs, int dtmfPt, String direction) {
        return media(address, port, codecs, dtmfPt, direction, null);
    }

    private static String media(String address, int port, List<AudioCodec> codecs, int dtmfPt, String direction,
                                SdesCrypto crypto) {
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("at least one codec");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("c=IN ").append(address.contains(":") ? "IP6 " : "IP4 ").append(address).append("\r\n");
        sb.append("m=audio ").append(port).append(crypto != null ? " RTP/SAVP" : " RTP/AVP");
        List<String> attrs = new ArrayList<>();
        for (AudioCodec c : codecs) {
            sb.append(' ').append(c.payloadType());
            attrs.add("a=rtpmap:" + c.payloadType() + " " + c.encodingName() + "/8000");
        }
        if (dtmfPt >= 0) {
            sb.append(' ').append(dtmfPt);
            attrs.add("a=rtpmap:" + dtmfPt + " telephone-event/8000");
            attrs.add("a=fmtp:" + dtmfPt + " 0-15");
        }
        sb.append("\r\n");
        for (String a : attrs) {
            sb.append(a).append("\r\n");
        }
        if (crypto != null) {
            sb.append(crypto.toSdpLine());
        }
        sb.append("a=ptime:20\r\n");
        sb.append("a=").append(direction).append("\r\n");
        return sb.toString();
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /**
     * The address media may be sent to, from an SDP connection address: an IP literal only (a host
     * name would make every call's setup wait on DNS, and lets the offer steer us to any name), and
     * unicast or unspecified (0.0.0.0, hold) only, never multicast or broadcast: Kefu must not be made
     * to spray a call's audio onto a network.
     *
     * @throws NotAcceptableException otherwise (a 488 for the offer)
     */
    public static InetAddress mediaAddress(String host) {
        boolean v4 = IPV4.matcher(host).matches();
        if (!v4 && !(host.indexOf(':') >= 0 && IPV6.matcher(host).matches())) {
            throw new NotAcceptableException("connection address " + host + " is not an IP address");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(host); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new NotAcceptableException("connection address " + host + " is not an IP address");
        }
        if (a.isMulticastAddress() || "255.255.255.255".equals(a.getHostAddress())) {
            throw new NotAcceptableException("connection address " + host + " is not a unicast address");
        }
        return a;
    }

    private static String connectionAddress(String cLine) {
        String[] parts = cLine.substring(2).trim().split("\\s+");
        if (parts.length < 3) {
            throw new NotAcceptableException("malformed c= line");
        }
        return parts[2].split("/")[0]; // strip multicast TTL
    }
}
