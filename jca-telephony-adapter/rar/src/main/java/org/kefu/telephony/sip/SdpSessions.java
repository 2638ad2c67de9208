package org.kefu.telephony.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes the media part of an SDP body (c=, m=, a= lines, from the {@link MediaNegotiator}) a complete
 * session description (RFC 8866): v=, o=, s= and t= in their places. Each SIP leg (a Call-ID: one
 * dialog in this back-to-back agent) keeps one origin: the same session id for its whole life and a
 * version incremented with every body it sends (RFC 3264 section 8: each new offer or answer that may
 * change the session has a higher version). sipp and baresip take bodies without these lines;
 * carriers' SBCs and desk phones need not.
 */
final class SdpSessions {

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /** The complete body for this leg; a body that is complete already (starts with v=) is left as it is. */
    String complete(String sipCallId, String mediaPart, String fallbackAddress) {
        if (mediaPart.startsWith("v=")) {
            return mediaPart;
        }
        Origin origin = origins.computeIfAbsent(sipCallId, k -> new Origin(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2)));
        long version = origin.next();
        String[] lines = mediaPart.split("\r\n|\n");
        StringBuilder beforeMedia = new StringBuilder();
        StringBuilder media = new StringBuilder();
        String address = fallbackAddress;
        boolean inMedia = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                inMedia = true;
            }
            if (!inMedia && line.startsWith("c=")) {
                String[] f = line.substring(2).trim().split("\\s+");
                if (f.length >= 3) {
                    address = f[2].split("/")[0];
                }
            }
            (inMedia ? media : beforeMedia).append(line).append("\r\n");
        }
        String addrType = address.contains(":") ? "IP6" : "IP4";
        // RFC 8866 order: v o s (i u e p) c (b) t (r z k a) m...
        return "v=0\r\n"
                + "o=kefu " + origin.sessionId + " " + version + " IN " + addrType + " " + address + "\r\n"
                + "s=Kefu\r\n"
                + beforeMedia
                + "t=0 0\r\n"
                + media;
    }

    /** The leg is over: its origin goes. */
    void forget(String sipCallId) {
        origins.remove(sipCallId);
    }

    int size() {
        return origins.size();
    }

    private static final class Origin {
        final long sessionId;
        private long version;

        Origin(long sessionId) {
            this.sessionId = sessionId;
            this.version = sessionId; // RFC 8866 suggests an NTP-like start; any number that only grows will do
        }

        synchronized long next() {
            return version++;
        }
    }
}
