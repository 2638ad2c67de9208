package org.kefu.telephony.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Trivial media side for tests: answers PCMU/PCMA/telephone-event on a fixed port; rejects offers without G.711. */
final class G711TestNegotiator implements MediaNegotiator {

    final int port;
    final Map<String, String> answersReceived = new ConcurrentHashMap<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    final List<MediaDirection> offeredDirections = new CopyOnWriteArrayList<>();

    G711TestNegotiator(int port) {
        this.port = port;
    }

    @Override
    public SdpAnswer answer(String callId, String remoteOffer) {
        String audio = remoteOffer.lines().filter(l -> l.startsWith("m=audio")).findFirst().orElse(null);
        if (audio == null) {
            return SdpAnswer.reject("no audio stream");
        }
        List<String> formats = List.of(audio.trim().split(" ")).subList(3, audio.trim().split(" ").length);
        String codec = formats.contains("0") ? "0" : formats.contains("8") ? "8" : null;
        if (codec == null) {
            return SdpAnswer.reject("no G.711 in offer");
        }
        MediaDirection dir = SipDispatcher.directionOf(remoteOffer);
        MediaDirection mine = switch (dir) {
            case SENDONLY -> MediaDirection.RECVONLY;
            case RECVONLY -> MediaDirection.SENDONLY;
            case INACTIVE -> MediaDirection.INACTIVE;
            case SENDRECV -> MediaDirection.SENDRECV;
        };
        return SdpAnswer.accept(sdp(callId, codec + " 101", mine));
    }

    @Override
    public String offer(String callId, MediaDirection direction) {
        offeredDirections.add(direction);
        return sdp(callId, "0 8 101", direction);
    }

    @Override
    public void answered(String callId, String remoteAnswer) {
        answersReceived.put(callId, remoteAnswer);
    }

    final List<String> digits = new CopyOnWriteArrayList<>();

    @Override
    public boolean digit(String callId, char digit) {
        digits.add(callId + ":" + digit);
        return true;
    }

    /** What {@link #silentMillis} says for every call (-1: the peer is not expected to send). */
    volatile long silence = -1;

    @Override
    public long silentMillis(String callId) {
        return silence;
    }

    @Override
    public void released(String callId) {
        released.add(callId);
    }

    private String sdp(String callId, String formats, MediaDirection direction) {
        // the media part only, as the production negotiator: the SIP layer adds v=, o=, s= and t=
        List<String> listed = List.of(formats.split(" "));
        return "c=IN IP4 127.0.0.1\r\n"
                + "m=audio " + port + " RTP/AVP " + formats + "\r\n"
                + (listed.contains("0") ? "a=rtpmap:0 PCMU/8000\r\n" : "")
                + (listed.contains("8") ? "a=rtpmap:8 PCMA/8000\r\n" : "")
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=" + direction.attribute() + "\r\n";
    }
}
