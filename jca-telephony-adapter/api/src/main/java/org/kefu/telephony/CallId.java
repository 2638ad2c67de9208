package org.kefu.telephony;

import java.io.Serializable;
import java.util.Objects;

/** A call's stable id, unique per switch for the call's lifetime (and kept in the CDR). */
public record CallId(String value) implements Serializable {

    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a call id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
