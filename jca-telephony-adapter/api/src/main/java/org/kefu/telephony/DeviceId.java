package org.kefu.telephony;

import java.io.Serializable;
import java.util.Objects;

/**
 * A device as the switch knows it: an agent extension ("8001"), a service number the IVR
 * answers ("95500"), or an outside number ("13800138000"). Switch-neutral: no SIP URI here.
 */
public record DeviceId(String value) implements Serializable {

    public DeviceId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a device id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
