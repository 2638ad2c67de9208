package org.kefu.telephony;

import jakarta.resource.Referenceable;

import java.io.Serializable;

/**
 * The switch as the application sees it: bound in JNDI by the resource adapter
 * (java:/eis/kefu/Switch). Whether SIP or CSTA is behind it is not the caller's business.
 */
public interface SwitchConnectionFactory extends Serializable, Referenceable {

    /** A connection for third-party call control; close it when done (try-with-resources). */
    SwitchConnection getConnection() throws TelephonyException;

    /** State of every link the adapter runs, cheap enough for a health probe. */
    LinkStatus linkStatus();

    /** The caller number of warm-up calls: the application keeps them out of its records. */
    String WARM_UP_CALLER = "kefu-warmup";

    /**
     * Warms the call path of a server that has just started: {@code calls} calls from the switch to
     * itself on loopback, dialling {@code number} at {@code perSecond}, each hung up after
     * {@code holdMillis}, through the real path (SIP, the application's call flow, media). Outside
     * calls are refused with 503 meanwhile. Blocks until the calls are over (or clearly failing).
     *
     * @return one line saying what ran, for the log
     */
    default String warmUp(String number, int calls, int perSecond, long holdMillis) {
        return "this switch needs no warm-up";
    }
}
