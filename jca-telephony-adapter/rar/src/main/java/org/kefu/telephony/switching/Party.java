package org.kefu.telephony.switching;

import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.sip.SipCall;

/**
 * One party of a call: a SIP leg (the caller's INVITE, or one we placed to a phone or trunk) with
 * the media session Kefu keeps for it. Media is anchored in Kefu, so moving a party between calls
 * (consultation, transfer, conference) is a change of bridge, not of SIP dialog.
 */
final class Party {

    final ConnectionId id;
    final SipCall sip;
    final boolean caller;
    volatile ConnectionState state;
    volatile MediaSession media;
    /** Set when our side ends the leg on purpose, so its end is not reported as the far end's. */
    volatile boolean leaving;

    Party(ConnectionId id, SipCall sip, boolean caller, ConnectionState state) {
        this.id = id;
        this.sip = sip;
        this.caller = caller;
        this.state = state;
    }

    Party movedTo(ConnectionId newId) {
        Party p = new Party(newId, sip, caller, state);
        p.media = media;
        return p;
    }

    boolean talking() {
        return state == ConnectionState.CONNECTED || state == ConnectionState.HELD;
    }

    @Override
    public String toString() {
        return id + "(" + state + ")";
    }
}
