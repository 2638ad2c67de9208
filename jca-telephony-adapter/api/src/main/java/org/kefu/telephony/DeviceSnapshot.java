package org.kefu.telephony;

import java.io.Serializable;
import java.util.List;

/** A device as the switch sees it now: registered or not, and the calls it is in. */
public record DeviceSnapshot(DeviceId device, boolean registered, List<CallSnapshot.Party> connections)
        implements Serializable {

    public DeviceSnapshot {
        connections = List.copyOf(connections);
    }
}
