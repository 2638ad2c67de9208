package org.kefu.telephony;

/**
 * A handle on the switch for call control. Connections are cheap and pooled by the container;
 * every command is addressed by stable ids, so a connection holds no call state of its own.
 */
public interface SwitchConnection extends AutoCloseable {

    LinkStatus linkStatus() throws TelephonyException;

    @Override
    void close() throws TelephonyException;
}
