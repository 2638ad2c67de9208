package org.kefu.tickets;

import org.kefu.platform.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Deadlines in working days (工作日), on the routing calendar: "within N working days" counts the
 * working days after the day the ticket arrived and ends at the close (24:00) of the N-th; within 0
 * working days ends at the close of the day it arrived if that is a working day, else of the next
 * working day. Weekends do not count unless they are make-up working days (调休); holidays never.
 */
public final class WorkingDays {

    /** A calendar with no working day in this many days is a mistake, not a long holiday. */
    static final int LONGEST_SEARCH = 400;

    private WorkingDays() {
    }

    public static Instant deadline(Instant arrived, int workingDays, WorkingDayCalendar calendar, ZoneId zone) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days cannot be negative: " + workingDays);
        }
        LocalDate day = arrived.atZone(zone).toLocalDate();
        int counted = 0;
        if (workingDays == 0 && calendar.isWorkingDay(day)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        for (int i = 0; i < LONGEST_SEARCH; i++) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day) && ++counted >= Math.max(1, workingDays)) {
                return day.plusDays(1).atStartOfDay(zone).toInstant();
            }
        }
        throw new IllegalStateException("no working day in the " + LONGEST_SEARCH + " days after " + arrived + ": check the calendar");
    }

    /** The working days that began after {@code from}'s day, up to and including {@code to}'s day. */
    public static int between(Instant from, Instant to, WorkingDayCalendar calendar, ZoneId zone) {
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        int counted = 0;
        for (int i = 0; i < 5 * LONGEST_SEARCH && day.isBefore(last); i++) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    /** A deadline (the close of a working day) moved on by {@code workingDays} working days. */
    public static Instant later(Instant deadline, int workingDays, WorkingDayCalendar calendar, ZoneId zone) {
        return workingDays == 0 ? deadline : deadline(deadline.minusSeconds(1), workingDays, calendar, zone);
    }
}
