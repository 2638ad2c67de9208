package org.kefu.callflow.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holidays, make-up working days (调休) and office hours, immutable, answered from memory. A scope
 * without office hours is open around the clock (holidays too); a scope with office hours is
 * closed on holidays and, on a make-up working day, keeps the hours of that day's
 * {@code asWeekday}. Times are the center's (the caller passes a date-time in Asia/Shanghai).
 */
public final class BusinessCalendar {

    public static final BusinessCalendar EMPTY = new BusinessCalendar(List.of(), List.of());

    private final Map<LocalDate, CalendarEntry> days = new HashMap<>();
    private final Map<String, List<OfficeHoursSpan>> hours = new HashMap<>();

    public BusinessCalendar(Collection<CalendarEntry> days, Collection<OfficeHoursSpan> hours) {
        for (CalendarEntry d : days) {
            this.days.put(d.date(), d);
        }
        for (OfficeHoursSpan h : hours) {
            this.hours.computeIfAbsent(key(h.scopeKind(), h.scopeCode()), k -> new ArrayList<>()).add(h);
        }
    }

    private static String key(String kind, String code) {
        return kind + ":" + code;
    }

    public boolean isHoliday(LocalDate date) {
        CalendarEntry e = days.get(date);
        return e != null && e.holiday();
    }

    /** Not a holiday, and either Monday to Friday or a make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        CalendarEntry e = days.get(date);
        if (e != null) {
            return !e.holiday();
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    public boolean hasOfficeHours(String scopeKind, String scopeCode) {
        return hours.containsKey(key(scopeKind, scopeCode));
    }

    /** Whether a service number ({@code NUMBER}) or a queue ({@code QUEUE}) is open at that moment. */
    public boolean isOpen(String scopeKind, String scopeCode, ZonedDateTime at) {
        List<OfficeHoursSpan> spans = hours.get(key(scopeKind, scopeCode));
        if (spans == null) {
            return true;
        }
        LocalDate date = at.toLocalDate();
        CalendarEntry e = days.get(date);
        if (e != null && e.holiday()) {
            return false;
        }
        DayOfWeek weekday = e != null && e.asWeekday() != null ? e.asWeekday()
                : e != null ? DayOfWeek.MONDAY : date.getDayOfWeek();
        int minute = at.getHour() * 60 + at.getMinute();
        for (OfficeHoursSpan s : spans) {
            if (s.weekday() == weekday && minute >= s.openMinute() && minute < s.closeMinute()) {
                return true;
            }
        }
        return false;
    }
}
