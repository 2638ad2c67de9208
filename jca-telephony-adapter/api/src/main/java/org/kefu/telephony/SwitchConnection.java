package org.kefu.telephony;

/**
 * A handle on the switch for call control, from {@link SwitchConnectionFactory}. Connections are
 * cheap and pooled by the container and hold no call state of their own: close them when done.
 */
public interface SwitchConnection extends CallControl, AutoCloseable {

    @Override
    void close() throws TelephonyException;
}
