package org.kefu.ivr.admin;

import java.io.Serializable;
import java.time.Instant;

/** One stored version of a flow, without its text. */
public record FlowVersionInfo(String flowId, int version, String status, String description, String createdBy,
                              Instant createdAt, String activatedBy, Instant activatedAt) implements Serializable {
}
