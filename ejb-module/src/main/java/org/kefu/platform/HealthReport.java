package org.kefu.platform;

import java.io.Serializable;
import java.util.List;

/** The whole picture: up only when every component is. */
public record HealthReport(List<ComponentHealth> components) implements Serializable {

    public HealthReport {
        components = List.copyOf(components);
    }

    public boolean up() {
        return components.stream().allMatch(ComponentHealth::up);
    }
}
