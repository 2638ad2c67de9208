package org.kefu.callflow.routing;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * One inbound routing rule, as the call path evaluates it. Null conditions match
 * anything; {@code fromMinute}/{@code toMinute} is a time-of-day window [from, to) in minutes
 * since midnight that wraps midnight when to &lt; from.
 */
public record RoutingRule(long id, int priority, String name, String dnis, String callerPrefix, Set<DayOfWeek> weekdays,
                          Integer fromMinute, Integer toMinute, DayCondition day, String announcement,
                          RuleTarget targetKind, String target) {

    public RoutingRule {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        day = day == null ? DayCondition.ANY : day;
    }

    /** Length of the caller prefix (0 without one): longer prefixes win among equal priorities. */
    int prefixLength() {
        return callerPrefix == null ? 0 : callerPrefix.length();
    }

    boolean inWindow(int minuteOfDay) {
        if (fromMinute == null || toMinute == null) {
            return true;
        }
        if (fromMinute <= toMinute) {
            return minuteOfDay >= fromMinute && minuteOfDay < toMinute;
        }
        return minuteOfDay >= fromMinute || minuteOfDay < toMinute;
    }
}
