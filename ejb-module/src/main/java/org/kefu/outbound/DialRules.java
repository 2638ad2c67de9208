package org.kefu.outbound;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.dialplan.NumberClassifier;

/**
 * What an agent or supervisor may dial outside the centre: the number categories each role may
 * reach (national mobile, landline and service numbers by default; international, premium,
 * carrier-prefixed and unreadable numbers only where configured), and a daily budget of chargeable
 * outside calls per person. Counters are in memory, per day (a restart starts the day's count again).
 */
public final class DialRules {

    /** Service numbers (110, 12345, 95500, 400...) are free or cheap and count against no budget. */
    private static final Set<NumberCategory> FREE = EnumSet.of(NumberCategory.SERVICE);

    private final Map<String, Set<NumberCategory>> allowedByRole;
    /** Queues whose calls may be transferred or consulted out only to these categories (others: the roles' alone). */
    private final Map<String, Set<NumberCategory>> allowedByQueue;
    private final int dailyBudget;
    private final Map<String, AtomicInteger> usedToday = new ConcurrentHashMap<>();

    /** The outcome: null {@code refusal} means the call may go. */
    public record Decision(NumberCategory category, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    public DialRules(Map<String, Set<NumberCategory>> allowedByRole, int dailyBudget) {
        this(allowedByRole, Map.of(), dailyBudget);
    }

    public DialRules(Map<String, Set<NumberCategory>> allowedByRole, Map<String, Set<NumberCategory>> allowedByQueue,
            int dailyBudget) {
        this.allowedByRole = Map.copyOf(allowedByRole);
        this.allowedByQueue = Map.copyOf(allowedByQueue);
        this.dailyBudget = dailyBudget;
    }

    /**
     * From system properties kefu.dial.agent, kefu.dial.supervisor (category lists),
     * kefu.dial.queue.&lt;queue&gt; (a queue's own list, e.g. {@code -Dkefu.dial.queue.banking=SERVICE})
     * and kefu.dial.dailyBudget.
     */
    public static DialRules fromSystemProperties() {
        String standard = "MOBILE,LANDLINE,SERVICE";
        Map<String, Set<NumberCategory>> byQueue = new java.util.HashMap<>();
        String prefix = "kefu.dial.queue.";
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                byQueue.put(name.substring(prefix.length()), categories(System.getProperty(name)));
            }
        }
        return new DialRules(Map.of(
                "agent", categories(System.getProperty("kefu.dial.agent", standard)),
                "supervisor", categories(System.getProperty("kefu.dial.supervisor", standard))),
                byQueue, Integer.getInteger("kefu.dial.dailyBudget", 200));
    }

    static Set<NumberCategory> categories(String list) {
        return NumberCategory.parseList(list);
    }

    /**
     * Whether {@code person} (with these roles) may dial {@code number} today; an allowed chargeable
     * call is counted against the budget at once (two concurrent attempts cannot both take the last one).
     */
    public Decision decide(String person, Set<String> roles, String number, LocalDate today) {
        return decide(person, roles, null, number, today);
    }

    /** The same while serving a call of {@code queue} (null or empty: none). */
    public Decision decide(String person, Set<String> roles, String queue, String number, LocalDate today) {
        Decision d = permits(roles, queue, number);
        NumberCategory category = d.category();
        if (!d.allowed()) {
            return d;
        }
        if (!FREE.contains(category)) {
            AtomicInteger used = usedToday.computeIfAbsent(person + "|" + today, k -> new AtomicInteger());
            if (used.incrementAndGet() > dailyBudget) {
                used.decrementAndGet();
                return new Decision(category, "the daily budget of " + dailyBudget + " outside calls is used up");
            }
            usedToday.keySet().removeIf(k -> !k.endsWith("|" + today)); // yesterday's counts go
        }
        return new Decision(category, null);
    }

    /** Whether the category may be dialled by these roles at all (no budget taken): for bindings. */
    public Decision permits(Set<String> roles, String number) {
        return permits(roles, null, number);
    }

    /** The same, narrowed by the queue's own categories where that queue has some. */
    public Decision permits(Set<String> roles, String queue, String number) {
        NumberCategory category = NumberClassifier.classify(number);
        boolean permitted = roles.stream().map(allowedByRole::get)
                .anyMatch(allowed -> allowed != null && allowed.contains(category));
        if (!permitted) {
            return new Decision(category, category + " numbers are not allowed for " + roles);
        }
        Set<NumberCategory> ofQueue = queue == null ? null : allowedByQueue.get(queue);
        if (ofQueue != null && !ofQueue.contains(category)) {
            return new Decision(category, category + " numbers are not allowed from calls of queue " + queue);
        }
        return new Decision(category, null);
    }
}
