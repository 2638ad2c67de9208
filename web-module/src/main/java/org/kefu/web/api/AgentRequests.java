package org.kefu.web.api;

import jakarta.validation.constraints.NotBlank;

/** The bodies the agents resource accepts, bound by JSON-B ({@link StrictJson}) and validated. */
public final class AgentRequests {

    private AgentRequests() {
    }

    /** {"extension":"8001"}: the desk phone the agent logs in at. */
    public record Login(@NotBlank String extension) {
    }

    /** {"reason":"lunch"}: one of the configured not-ready reasons. */
    public record NotReady(@NotBlank String reason) {
    }
}
