package org.kefu.outbound;

import org.kefu.platform.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When Kefu may dial a customer, in the centre's time zone (Asia/Shanghai): one window on working
 * days (make-up working days included), one on other weekend days, one on public holidays; a
 * window may be empty (never). Plain Java; the calendar says which day is which.
 *
 * @param workingDay the window on working days, e.g. 09:00-20:00
 * @param weekend    on Saturdays and Sundays that are no working day, e.g. 10:00-18:00
 * @param holiday    on public holidays (none by default)
 */
public record CallingHours(Window workingDay, Window weekend, Window holiday, ZoneId zone) {

    public static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");
    /** How far ahead the next opening is looked for: a longer closure is a configuration without hours. */
    static final int HORIZON_DAYS = 60;

    /** From the system properties {@code kefu.outbound.hours.workday|weekend|holiday} ("HH:MM-HH:MM", or empty for never). */
    public static CallingHours fromSystemProperties() {
        return new CallingHours(Window.parse(System.getProperty("kefu.outbound.hours.workday", "09:00-20:00")),
                Window.parse(System.getProperty("kefu.outbound.hours.weekend", "10:00-18:00")),
                Window.parse(System.getProperty("kefu.outbound.hours.holiday", "")), CENTER_ZONE);
    }

    /** Whether a customer may be dialled at {@code at}. */
    public boolean open(Instant at, WorkingDayCalendar calendar) {
        ZonedDateTime local = at.atZone(zone);
        return windowOf(local.toLocalDate(), calendar).contains(local.toLocalTime());
    }

    /** {@code at} itself when open, else the start of the next window; empty when none within {@value #HORIZON_DAYS} days. */
    public Optional<Instant> nextOpening(Instant at, WorkingDayCalendar calendar) {
        if (open(at, calendar)) {
            return Optional.of(at);
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            Window w = windowOf(day, calendar);
            if (w.isEmpty()) {
                continue;
            }
            ZonedDateTime start = day.atTime(w.from()).atZone(zone);
            if (start.isAfter(local)) {
                return Optional.of(start.toInstant());
            }
        }
        return Optional.empty();
    }

    private Window windowOf(LocalDate day, WorkingDayCalendar calendar) {
        if (calendar.isHoliday(day)) {
            return holiday;
        }
        return calendar.isWorkingDay(day) ? workingDay : weekend;
    }

    /** From (inclusive) to (exclusive) in local time; 24:00 as the end means midnight; from == to means never. */
    public record Window(LocalTime from, LocalTime to, boolean toMidnight) {

        static final Window NEVER = new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false);

        /** "09:00-20:00", "00:00-24:00", or empty / "none" for never. */
        public static Window parse(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty() || t.equalsIgnoreCase("none")) {
                return NEVER;
            }
            String[] parts = t.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("calling hours are HH:MM-HH:MM, not " + text);
            }
            LocalTime from = LocalTime.parse(parts[0].strip());
            boolean midnight = parts[1].strip().equals("24:00");
            LocalTime to = midnight ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
            if (!midnight && !to.isAfter(from)) {
                throw new IllegalArgumentException("calling hours end after they begin: " + text);
            }
            return new Window(from, to, midnight);
        }

        boolean isEmpty() {
            return !toMidnight && !to.isAfter(from);
        }

        boolean contains(LocalTime time) {
            return !isEmpty() && !time.isBefore(from) && (toMidnight || time.isBefore(to));
        }
    }
}
