package org.kefu.acd;

import org.kefu.acd.routing.WaitingCall;
import org.kefu.telephony.ConnectionId;

/** What a direct call's reservation remembers until the switch has placed the call. */
record DirectCallReservation(AcdCall.Kind kind, String fromJob, String toJob, WaitingCall waiting, ConnectionId caller) {
}
