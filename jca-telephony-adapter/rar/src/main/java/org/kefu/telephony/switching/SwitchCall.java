package org.kefu.telephony.switching;

import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.media.MediaBridge;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.MediaSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call on the switch: its parties, the data that travels with it, and the bridge that mixes its
 * parties' audio. Mutations happen under the call's monitor.
 */
final class SwitchCall {

    final CallId id;
    final String ani;
    final String dnis;
    /** The service number or device the call was delivered to (its "route point"). */
    final DeviceId routePoint;
    final Instant started = Instant.now();
    final Map<String, String> data = new ConcurrentHashMap<>();
    final List<Party> parties = new CopyOnWriteArrayList<>();
    /** Legs this call has placed: an application looping on routeTo must not flood phones. */
    int legsPlaced;
    static final int MAX_LEGS = 16;
    MediaBridge bridge;
    String recordingRef;
    boolean ended;

    SwitchCall(CallId id, String ani, String dnis, DeviceId routePoint) {
        this.id = id;
        this.ani = ani;
        this.dnis = dnis;
        this.routePoint = routePoint;
    }

    Optional<Party> party(DeviceId device) {
        return parties.stream().filter(p -> p.id.device().equals(device)).findFirst();
    }

    Optional<Party> caller() {
        return parties.stream().filter(p -> p.caller).findFirst();
    }

    /**
     * The party a connection id means: the party with that device, or for the route point (the
     * IVR's side of the call) the caller, since that is whom the IVR's prompts and digits concern.
     */
    Optional<Party> resolve(ConnectionId id) {
        Optional<Party> direct = party(id.device());
        if (direct.isPresent()) {
            return direct;
        }
        return id.device().equals(routePoint) ? caller() : Optional.empty();
    }

    CallSnapshot snapshot() {
        return new CallSnapshot(id, started,
                parties.stream().map(p -> new CallSnapshot.Party(p.id, p.state)).toList(), data);
    }

    ConnectionId connection(DeviceId device) {
        return new ConnectionId(id, device);
    }

    /** Puts every connected, not-held party with media into the call's bridge (made on first use). Under the call's monitor. */
    void joinBridge(MediaEngine media, SwitchMedia negotiator) {
        if (bridge == null) {
            bridge = media.createBridge();
        }
        for (Party p : parties) {
            if (p.state == ConnectionState.CONNECTED) {
                MediaSession m = p.media != null ? p.media : negotiator.session(p.sip.callId());
                if (m != null) {
                    p.media = m;
                    m.stopPlayback();
                    if (!bridge.legs().contains(m)) {
                        bridge.add(m);
                    }
                }
            }
        }
    }

    /** Takes the party's media out of the bridge (it no longer hears or is heard). Under the call's monitor. */
    void removeFromBridge(Party p) {
        if (bridge != null && p.media != null) {
            bridge.remove(p.media);
        }
    }
}
