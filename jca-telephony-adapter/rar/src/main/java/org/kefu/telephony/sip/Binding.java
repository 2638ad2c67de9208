package org.kefu.telephony.sip;

import java.time.Instant;

/**
 * One registered contact of an agent extension.
 *
 * @param aor        the extension ("8001"): Kefu's address-of-record key
 * @param contact    the Contact URI the phone registered (where to send INVITEs)
 * @param expiresAt  when the binding lapses unless refreshed
 * @param transport  transport the REGISTER arrived on ("udp"/"tcp")
 * @param sourceHost source address of the REGISTER (differs from contact behind NAT)
 * @param sourcePort source port of the REGISTER
 */
public record Binding(String aor, String contact, Instant expiresAt, String transport, String sourceHost, int sourcePort) {

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
