package org.kefu.outbound;

import org.kefu.platform.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calling hours on the 2026 calendar of the demo centre: National Day holidays 1-7 October
 * and the make-up working Saturday 10 October (调休), all in Asia/Shanghai.
 */
class CallingHoursTest {

    private final CallingHours hours = new CallingHours(CallingHours.Window.parse("09:00-20:00"),
            CallingHours.Window.parse("10:00-18:00"), CallingHours.Window.parse(""), CallingHours.CENTER_ZONE);

    /** Holidays true, make-up working days false (as the routing calendar's entries). */
    private final Map<LocalDate, Boolean> entries = Map.of(
            LocalDate.of(2026, 10, 1), true, LocalDate.of(2026, 10, 2), true, LocalDate.of(2026, 10, 3), true,
            LocalDate.of(2026, 10, 4), true, LocalDate.of(2026, 10, 5), true, LocalDate.of(2026, 10, 6), true,
            LocalDate.of(2026, 10, 7), true, LocalDate.of(2026, 10, 10), false);

    private final WorkingDayCalendar calendar = new WorkingDayCalendar() {
        @Override
        public boolean isHoliday(LocalDate date) {
            return Boolean.TRUE.equals(entries.get(date));
        }

        @Override
        public boolean isWorkingDay(LocalDate date) {
            Boolean e = entries.get(date);
            if (e != null) {
                return !e;
            }
            return date.getDayOfWeek().getValue() <= 5;
        }
    };

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CallingHours.CENTER_ZONE).toInstant();
    }

    @Test
    void aWorkingDayFromNineToEightInTheEvening() {
        // Tuesday 8 December 2026
        assertThat(hours.open(shanghai("2026-12-08T08:59:59"), calendar)).isFalse();
        assertThat(hours.open(shanghai("2026-12-08T09:00:00"), calendar)).isTrue();
        assertThat(hours.open(shanghai("2026-12-08T19:59:59"), calendar)).isTrue();
        assertThat(hours.open(shanghai("2026-12-08T20:00:00"), calendar)).isFalse();
        // The centre's clock, not the server's: 02:00 UTC is 10:00 in Shanghai.
        assertThat(hours.open(Instant.parse("2026-12-08T02:00:00Z"), calendar)).isTrue();
        assertThat(hours.open(Instant.parse("2026-12-08T13:00:00Z"), calendar)).isFalse();
    }

    @Test
    void aWeekendFromTenToSix() {
        assertThat(hours.open(shanghai("2026-12-12T09:30:00"), calendar)).isFalse();
        assertThat(hours.open(shanghai("2026-12-12T10:00:00"), calendar)).isTrue();
        assertThat(hours.open(shanghai("2026-12-13T18:00:00"), calendar)).isFalse();
    }

    @Test
    void neverOnAPublicHolidayAndAMakeUpSaturdayKeepsWorkingDayHours() {
        assertThat(hours.open(shanghai("2026-10-01T11:00:00"), calendar)).isFalse();
        assertThat(hours.open(shanghai("2026-10-10T09:30:00"), calendar)).as("调休 Saturday").isTrue();
        assertThat(hours.open(shanghai("2026-10-10T19:00:00"), calendar)).isTrue();
    }

    @Test
    void theNextOpeningSkipsTheNightWeekendsAndHolidays() {
        assertThat(hours.nextOpening(shanghai("2026-12-08T21:30:00"), calendar)).contains(shanghai("2026-12-09T09:00:00"));
        assertThat(hours.nextOpening(shanghai("2026-12-08T06:00:00"), calendar)).contains(shanghai("2026-12-08T09:00:00"));
        assertThat(hours.nextOpening(shanghai("2026-12-11T20:30:00"), calendar)).as("Friday night: Saturday 10:00")
                .contains(shanghai("2026-12-12T10:00:00"));
        assertThat(hours.nextOpening(shanghai("2026-09-30T20:15:00"), calendar)).as("the eve of National Day: the 8th")
                .contains(shanghai("2026-10-08T09:00:00"));
        Instant open = shanghai("2026-12-08T10:00:00");
        assertThat(hours.nextOpening(open, calendar)).contains(open);
    }

    @Test
    void windowsAroundTheClockOrNeverAndMistypedOnesAreRefused() {
        CallingHours always = new CallingHours(CallingHours.Window.parse("00:00-24:00"), CallingHours.Window.parse("00:00-24:00"),
                CallingHours.Window.parse("00:00-24:00"), CallingHours.CENTER_ZONE);
        assertThat(always.open(shanghai("2026-10-01T23:59:59"), calendar)).isTrue();
        assertThat(always.open(shanghai("2026-10-02T00:00:00"), calendar)).isTrue();
        CallingHours never = new CallingHours(CallingHours.Window.parse("none"), CallingHours.Window.parse(""),
                CallingHours.Window.parse(null), CallingHours.CENTER_ZONE);
        assertThat(never.open(shanghai("2026-12-08T10:00:00"), calendar)).isFalse();
        assertThat(never.nextOpening(shanghai("2026-12-08T10:00:00"), calendar)).isEmpty();
        assertThatThrownBy(() -> CallingHours.Window.parse("20:00-09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallingHours.Window.parse("9-5")).isInstanceOf(RuntimeException.class);
    }
}
