package org.kefu.telephony;

import java.io.Serializable;
import java.util.Objects;

/** One party's presence in one call (CSTA's connection): the unit most commands act on. */
public record ConnectionId(CallId call, DeviceId device) implements Serializable {

    public ConnectionId {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(device, "device");
    }

    @Override
    public String toString() {
        return call + "/" + device;
    }
}
