package org.kefu.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one source (an address) may make in a sliding window, with a bound on how
 * many sources are tracked at once: when that many are busy, new ones are refused too (a flood
 * from many addresses costs a fixed amount of memory, never a growing one).
 */
public final class RequestBudget {

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final int maxSources;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public RequestBudget(Clock clock, int perWindow, Duration window, int maxSources) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.maxSources = maxSources;
    }

    /** Counts a request from {@code source}; empty when allowed, else how long until the next one may be. */
    public Optional<Duration> spend(String source) {
        Instant now = clock.instant();
        if (!recent.containsKey(source) && recent.size() >= maxSources) {
            recent.entrySet().removeIf(e -> expire(e.getValue(), now));
            if (recent.size() >= maxSources) {
                return Optional.of(window);
            }
        }
        Deque<Instant> times = recent.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            if (times.size() >= perWindow) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Forgets what fell out of the window; true when nothing is left. */
    private boolean expire(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.removeFirst();
            }
            return times.isEmpty();
        }
    }
}
