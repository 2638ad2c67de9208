package org.kefu.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The router's live state of one queue: its waiting calls, its READY agents in strategy order, and
 * the logged-in agents who serve it.
 * <p>
 * Waiting calls are kept in one band per base priority (VIP level), each band oldest first. Aging
 * adds the same amount to calls of equal base and age, so within a band the oldest call is always
 * the best; the best call of the queue is therefore the best of the band heads — a handful of
 * comparisons however long the queue, and still exact while priorities age.
 */
final class LiveQueue {

    final QueueDefinition definition;
    /** READY agents serving this queue, best first by the queue's strategy. */
    final NavigableSet<LiveAgent> ready;
    /** Logged-in agents (any state but LOGGED_OUT) serving this queue. */
    final Set<LiveAgent> members = new LinkedHashSet<>();
    /** Base priority → calls oldest first; highest base first. */
    private final TreeMap<Integer, TreeSet<QueuedCall>> bands = new TreeMap<>(Collections.reverseOrder());
    private int waiting;
    final HandleTimeAverage handleTime;

    LiveQueue(QueueDefinition definition, Duration initialHandleTime) {
        this.definition = definition;
        Comparator<LiveAgent> order = SelectionStrategy.of(definition.strategy()).order(definition);
        this.ready = new TreeSet<>(order);
        this.handleTime = new HandleTimeAverage(initialHandleTime);
    }

    String code() {
        return definition.code();
    }

    int waiting() {
        return waiting;
    }

    boolean isFull() {
        return definition.maxLength() > 0 && waiting >= definition.maxLength();
    }

    void add(QueuedCall call) {
        if (bands.computeIfAbsent(call.call().basePriority(), p -> new TreeSet<>(QueuedCall.BY_AGE)).add(call)) {
            waiting++;
        }
    }

    boolean remove(QueuedCall call) {
        TreeSet<QueuedCall> band = bands.get(call.call().basePriority());
        if (band == null || !band.remove(call)) {
            return false;
        }
        if (band.isEmpty()) {
            bands.remove(call.call().basePriority());
        }
        waiting--;
        return true;
    }

    /** The call to serve next at {@code now}, or {@code null} when none waits. */
    QueuedCall best(PriorityRule rule, Instant now) {
        QueuedCall best = null;
        int bestPriority = Integer.MIN_VALUE;
        for (Map.Entry<Integer, TreeSet<QueuedCall>> band : bands.entrySet()) {
            // Bands come highest base first; one whose ceiling is below the best so far cannot win.
            if (best != null && (long) band.getKey() + rule.maxAging() < bestPriority) {
                break;
            }
            QueuedCall head = band.getValue().first();
            if (best == null || head.before(best, rule, now)) {
                best = head;
                bestPriority = rule.effective(head.call().basePriority(), head.call().enqueuedAt(), now);
            }
        }
        return best;
    }

    /** Every waiting call, oldest first within each band. */
    List<QueuedCall> all() {
        List<QueuedCall> all = new java.util.ArrayList<>(waiting);
        bands.values().forEach(all::addAll);
        return all;
    }

    /**
     * The calls that joined at or before {@code cutoff}, oldest first within each band: a prefix of
     * each band, so the cost is the calls returned, not the queue's length.
     */
    List<QueuedCall> joinedBy(Instant cutoff) {
        List<QueuedCall> joined = new java.util.ArrayList<>();
        for (TreeSet<QueuedCall> band : bands.values()) {
            for (QueuedCall call : band) {
                if (call.call().enqueuedAt().isAfter(cutoff)) {
                    break;
                }
                joined.add(call);
            }
        }
        return joined;
    }

    /** The call waiting longest, or {@code null}: overflow and "longest wait" look at it. */
    QueuedCall oldest() {
        QueuedCall oldest = null;
        for (TreeSet<QueuedCall> band : bands.values()) {
            QueuedCall head = band.first();
            if (oldest == null || QueuedCall.BY_AGE.compare(head, oldest) < 0) {
                oldest = head;
            }
        }
        return oldest;
    }

    /** 1-based place of {@code call} in the serving order at {@code now}; linear, for announcements only. */
    int position(QueuedCall call, PriorityRule rule, Instant now) {
        int ahead = 0;
        for (TreeSet<QueuedCall> band : bands.values()) {
            for (QueuedCall other : band) {
                if (other != call && other.before(call, rule, now)) {
                    ahead++;
                }
            }
        }
        return ahead + 1;
    }
}
