package org.kefu.ivr;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** A test of a condition node's branch: on call data, the time of day, holidays or visits. */
public sealed interface Condition extends Serializable {

    /**
     * On a call variable: {@code equals} / {@code notEquals} a value, {@code in} a list,
     * {@code present} (non-empty), or numerically {@code atLeast} / {@code atMost}.
     */
    record Var(String var, Op op, List<String> values) implements Condition {
        public Var {
            values = List.copyOf(values);
        }
    }

    /**
     * The time of day in the flow's zone is in [from, to) (to may be 24:00, written "24:00" and
     * kept as {@link LocalTime#MAX}); when {@code days} is not empty, also on one of those days.
     * A range whose end is before its start spans midnight (22:00-06:00).
     */
    record TimeOfDay(LocalTime from, LocalTime to, Set<DayOfWeek> days) implements Condition {
        public TimeOfDay {
            days = Set.copyOf(days);
        }
    }

    /** Today is (or, with {@code holiday=false}, is not) a holiday of the center's calendar. */
    record Holiday(boolean holiday) implements Condition {
    }

    /** The node {@code node} has been entered at least {@code atLeast} times in this call. */
    record Visits(String node, int atLeast) implements Condition {
    }

    enum Op {
        EQUALS, NOT_EQUALS, IN, PRESENT, AT_LEAST, AT_MOST
    }
}
