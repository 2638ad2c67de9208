package org.kefu.telephony;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A call as the switch sees it now. */
public record CallSnapshot(CallId call, Instant started, List<Party> parties, Map<String, String> data)
        implements Serializable {

    public CallSnapshot {
        parties = List.copyOf(parties);
        data = Map.copyOf(data);
    }

    public record Party(ConnectionId connection, ConnectionState state) implements Serializable {
    }
}
