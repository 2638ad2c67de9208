package org.kefu.telephony.media;

/**
 * Turns a stream of RFC 4733 packets into digits, each reported exactly once. All packets of one
 * key press share the RTP timestamp of its start (and the end packet is sent three times), so a
 * digit is reported on the first packet with a new timestamp; a repeated press of the same key has
 * a new timestamp and is reported again. Packets with a timestamp older than the current event
 * (delayed retransmissions) are ignored. The digit is reported at the start of the press, which
 * makes barge-in immediate. One instance per stream; not thread-safe (used by the receive thread).
 */
public final class DtmfDecoder {
    private boolean seen;
    private long currentTimestamp;

    /** @return the new digit, or 0 if this packet belongs to an event already reported or is not DTMF */
    public char onPacket(long rtpTimestamp, TelephoneEvent event) {
        if (event == null || event.digit() == 0) {
            return 0;
        }
        if (seen) {
            int diff = (int) (rtpTimestamp - currentTimestamp); // signed, handles 32-bit wrap-around
            if (diff <= 0) {
                return 0;
            }
        }
        seen = true;
        currentTimestamp = rtpTimestamp;
        return event.digit();
    }
}
