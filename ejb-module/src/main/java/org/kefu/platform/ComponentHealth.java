package org.kefu.platform;

import java.io.Serializable;

/** One checked component: a datasource, the message broker, the switch link. */
public record ComponentHealth(String name, boolean up, String detail) implements Serializable {
}
