package org.kefu.telephony;

import java.io.Serializable;
import java.util.List;

/**
 * What the adapter's links are doing: for health checks and the startup banner.
 *
 * @param up        true when every configured link accepts traffic
 * @param endpoints where the links listen, e.g. "sip:udp 0.0.0.0:5060" (never credentials)
 * @param detail    a one-line human explanation when not up
 */
public record LinkStatus(boolean up, List<String> endpoints, String detail) implements Serializable {

    public LinkStatus {
        endpoints = List.copyOf(endpoints);
    }

    public static LinkStatus down(String detail) {
        return new LinkStatus(false, List.of(), detail);
    }
}
