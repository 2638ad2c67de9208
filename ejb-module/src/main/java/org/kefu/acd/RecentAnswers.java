package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This node's memory of who last answered each caller number, in front of {@code caller_last_agent}:
 * every arriving call asks, and a database read per call was a tenth of the call path's
 * CPU. Entries (including "nobody") are trusted for {@link #TTL_NANOS}, so an answer taken on
 * another node of a cluster is seen within that time; answers on this node are seen at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@PermitAll // local only
public class RecentAnswers {

    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Numbers remembered at most; beyond it the memory starts again (a cache, not the record). */
    static final int MAX_ENTRIES = 200_000;

    /** What the database said (or this node wrote) about a number; {@code jobNumber} null = nobody. */
    public static final class Known {
        private final String jobNumber;
        private final Instant answeredAt;
        private final long loadedAt;

        Known(String jobNumber, Instant answeredAt, long loadedAt) {
            this.jobNumber = jobNumber;
            this.answeredAt = answeredAt;
            this.loadedAt = loadedAt;
        }

        public String jobNumber() {
            return jobNumber;
        }

        public Instant answeredAt() {
            return answeredAt;
        }
    }

    private final ConcurrentHashMap<String, Known> byNumber = new ConcurrentHashMap<>();

    /** The fresh entry for this number, or null when the database must be asked. */
    public Known lookup(String ani) {
        Known k = byNumber.get(ani);
        return k == null || System.nanoTime() - k.loadedAt > TTL_NANOS ? null : k;
    }

    public Known put(String ani, Optional<CallerLastAgent> row) {
        if (byNumber.size() >= MAX_ENTRIES) {
            byNumber.clear();
        }
        Known k = row.map(r -> new Known(r.getJobNumber(), r.getAnsweredAt(), System.nanoTime()))
                .orElseGet(() -> new Known(null, null, System.nanoTime()));
        byNumber.put(ani, k);
        return k;
    }

    public void answered(String ani, String jobNumber, Instant at) {
        if (byNumber.size() >= MAX_ENTRIES) {
            byNumber.clear();
        }
        byNumber.put(ani, new Known(jobNumber, at, System.nanoTime()));
    }
}
