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
}
