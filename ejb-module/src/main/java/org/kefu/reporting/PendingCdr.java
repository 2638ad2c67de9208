package org.kefu.reporting;

import java.time.Instant;

/**
 * What happened to one call since the CDR writer last wrote: its opening (a new row) and/or later
 * facts (answered, assigned, ended) to apply to the row. Changed only inside
 * {@code ConcurrentHashMap.compute} for its call, so never by two threads at once.
 */
final class PendingCdr {

    final String callRef;
    boolean opening;
    String direction;
    String ani;
    String dnis;
    Instant startedAt;
    Instant answeredAt;
    String queueCode;
    String agentJobNumber;
    Instant endedAt;
    String endCause;
    /** Failed writes so far; the change is given up after a few. */
    int attempts;

    PendingCdr(String callRef) {
        this.callRef = callRef;
    }

    PendingCdr opened(String direction, String ani, String dnis, Instant at) {
        if (!opening) {
            this.opening = true;
            this.direction = direction;
            this.ani = fit(ani, 32);
            this.dnis = fit(dnis, 32);
            this.startedAt = at;
        }
        return this;
    }

    PendingCdr answered(Instant at) {
        if (answeredAt == null) {
            answeredAt = at;
        }
        return this;
    }

    PendingCdr assigned(String queue, String agent) {
        this.queueCode = fit(queue, 32);
        this.agentJobNumber = fit(agent, 32);
        return this;
    }

    PendingCdr ended(Instant at, String cause) {
        if (endedAt == null) {
            endedAt = at;
            endCause = fit(cause, 32);
        }
        return this;
    }

    /** This (older, not written) change followed by {@code newer}: one change with both. */
    PendingCdr followedBy(PendingCdr newer) {
        if (newer.opening) {
            opened(newer.direction, newer.ani, newer.dnis, newer.startedAt);
        }
        if (newer.answeredAt != null) {
            answered(newer.answeredAt);
        }
        if (newer.queueCode != null || newer.agentJobNumber != null) {
            assigned(newer.queueCode, newer.agentJobNumber);
        }
        if (newer.endedAt != null) {
            ended(newer.endedAt, newer.endCause);
        }
        attempts = Math.max(attempts, newer.attempts);
        return this;
    }

    /** A number from the network may be longer than the column: keep its start rather than lose the row. */
    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
