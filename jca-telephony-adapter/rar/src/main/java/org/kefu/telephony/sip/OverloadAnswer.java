package org.kefu.telephony.sip;

import java.nio.charset.StandardCharsets;

/**
 * A "503 Service Unavailable" with Retry-After for an INVITE that Kefu has no room to parse,
 * written from the raw datagram: the header lines a response must echo (RFC 3261, 8.2.6.2: Via,
 * From, To, Call-ID, CSeq) are copied as they are, and a To tag is added. Cheap enough for the
 * receive thread under a flood, so a caller's gateway learns at once to try elsewhere instead of
 * retransmitting into a full queue until its timer gives up.
 */
final class OverloadAnswer {

    private OverloadAnswer() {
    }

    /**
     * @return the response's bytes, or null when the datagram is not an INVITE request with the
     *         headers a response needs (responses, ACKs and anything unreadable are just dropped)
     */
    static byte[] to(byte[] data, int length, int retryAfterSeconds) {
        if (length < 7 || !startsWith(data, "INVITE ")) {
            return null;
        }
        String text = new String(data, 0, length, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        StringBuilder vias = new StringBuilder();
        String from = null;
        String to = null;
        String callId = null;
        String cseq = null;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "via", "v" -> vias.append(line).append("\r\n");
                case "from", "f" -> from = line;
                case "to", "t" -> to = line;
                case "call-id", "i" -> callId = line;
                case "cseq" -> cseq = line;
                default -> { }
            }
        }
        if (vias.length() == 0 || from == null || to == null || callId == null || cseq == null) {
            return null;
        }
        if (!to.toLowerCase(java.util.Locale.ROOT).contains(";tag=")) {
            to = to + ";tag=kefu503";
        }
        String response = "SIP/2.0 503 Service Unavailable\r\n" + vias + from + "\r\n" + to + "\r\n" + callId + "\r\n"
                + cseq + "\r\nRetry-After: " + retryAfterSeconds + "\r\nContent-Length: 0\r\n\r\n";
        return response.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] data, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
