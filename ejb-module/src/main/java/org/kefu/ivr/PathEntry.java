package org.kefu.ivr;

import java.io.Serializable;

/**
 * One step of a call's way through a flow: the node and what came of it ({@code "1"} for a menu
 * key, {@code "ok"} / {@code "error:WRONG_PIN"} for a service, {@code "***"} for secret digits,
 * {@code "timeout"}, {@code "invalid"}, {@code "agent:ZERO"} …). Never holds secret digits.
 */
public record PathEntry(String node, String result) implements Serializable {

    @Override
    public String toString() {
        return result == null || result.isEmpty() ? node : node + "=" + result;
    }
}
