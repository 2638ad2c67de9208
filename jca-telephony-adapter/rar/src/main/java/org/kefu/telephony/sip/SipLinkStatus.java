package org.kefu.telephony.sip;

import java.util.List;

/**
 * What the link is doing right now.
 *
 * @param running      started and not stopped
 * @param endpoints    listening endpoints as "udp:0.0.0.0:5060"
 * @param activeCalls  calls (inbound and outbound) not yet ended
 * @param registeredContacts bindings currently in the registration table
 */
public record SipLinkStatus(boolean running, List<String> endpoints, int activeCalls, int registeredContacts) {
}
