package org.kefu.callflow.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The inbound routing rules and the calendar, immutable, evaluated in memory on the call path
 * (no database access per call): rules by priority (lowest first), among equal priorities the
 * longest caller prefix first, then by id; the first rule whose conditions all hold wins.
 */
public final class RuleBook {

    public static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");
    public static final RuleBook EMPTY = new RuleBook(List.of(), BusinessCalendar.EMPTY);
    static final Comparator<RoutingRule> ORDER = Comparator.comparingInt(RoutingRule::priority)
            .thenComparing(Comparator.comparingInt(RoutingRule::prefixLength).reversed())
            .thenComparingLong(RoutingRule::id);

    private final List<RoutingRule> rules;
    private final BusinessCalendar calendar;

    public RuleBook(Collection<RoutingRule> rules, BusinessCalendar calendar) {
        List<RoutingRule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        this.rules = List.copyOf(sorted);
        this.calendar = calendar;
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The rule for a call to {@code dnis} from {@code ani} arriving at {@code at}, if any. */
    public Optional<RoutingRule> match(String dnis, String ani, Instant at) {
        ZonedDateTime local = at.atZone(CENTER_ZONE);
        int minute = local.getHour() * 60 + local.getMinute();
        for (RoutingRule r : rules) {
            if (r.dnis() != null && !r.dnis().equals(dnis)) {
                continue;
            }
            if (r.callerPrefix() != null && (ani == null || !ani.startsWith(r.callerPrefix()))) {
                continue;
            }
            if (!r.weekdays().isEmpty() && !r.weekdays().contains(local.getDayOfWeek())) {
                continue;
            }
            if (!r.inWindow(minute)) {
                continue;
            }
            if (!dayHolds(r.day(), dnis, local)) {
                continue;
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    private boolean dayHolds(DayCondition day, String dnis, ZonedDateTime local) {
        return switch (day) {
            case ANY -> true;
            case HOLIDAY -> calendar.isHoliday(local.toLocalDate());
            case WORKING_DAY -> calendar.isWorkingDay(local.toLocalDate());
            case OPEN -> calendar.isOpen("NUMBER", dnis, local);
            case CLOSED -> !calendar.isOpen("NUMBER", dnis, local);
        };
    }
}
