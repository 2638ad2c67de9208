package org.kefu.tickets;

import org.junit.jupiter.api.Test;
import org.kefu.platform.WorkingDayCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The 2026 National Day week as the State Council set it: 1–8 October off, Sunday 27 September and Saturday 10 October worked. */
    private static final WorkingDayCalendar NATIONAL_DAY_2026 = new WorkingDayCalendar() {
        private final Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7),
                LocalDate.of(2026, 10, 8));
        private final Set<LocalDate> madeUp = Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));

        @Override
        public boolean isHoliday(LocalDate date) {
            return holidays.contains(date);
        }

        @Override
        public boolean isWorkingDay(LocalDate date) {
            if (holidays.contains(date)) {
                return false;
            }
            return madeUp.contains(date) || date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
    };

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant endOf(int year, int month, int day) {
        return LocalDate.of(year, month, day).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    @Test
    void countingStartsTheWorkingDayAfterArrivalAndEndsAtTheCloseOfTheLast() {
        // Tuesday 2026-12-01, 10:00: 1 working day → end of Wednesday; 5 → end of Tuesday the 8th.
        assertThat(WorkingDays.deadline(at("2026-12-01T10:00"), 1, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 2));
        assertThat(WorkingDays.deadline(at("2026-12-01T10:00"), 5, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 8));
        // 23:30 on Friday is still Friday in Shanghai (15:30 UTC): 1 working day → end of Monday.
        assertThat(WorkingDays.deadline(Instant.parse("2026-12-04T15:30:00Z"), 1, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 7));
    }

    @Test
    void weekendsAndHolidaysDoNotCountButMakeUpDaysDo() {
        // Arrived Wednesday 30 September: 1 October to 8 October are off, Friday the 9th counts, Saturday the 10th is worked.
        assertThat(WorkingDays.deadline(at("2026-09-30T09:00"), 1, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 10, 9));
        assertThat(WorkingDays.deadline(at("2026-09-30T09:00"), 2, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 10, 10));
        assertThat(WorkingDays.deadline(at("2026-09-30T09:00"), 3, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 10, 12));
        // Arrived Saturday 26 September: Sunday the 27th is a make-up working day.
        assertThat(WorkingDays.deadline(at("2026-09-26T12:00"), 1, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 9, 27));
        // 15 working days from Monday 28 September (a complaint): the 29th and 30th, Friday the 9th,
        // Saturday the 10th (调休), then eleven weekdays from the 12th: Monday the 26th.
        assertThat(WorkingDays.deadline(at("2026-09-28T09:00"), 15, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 10, 26));
    }

    @Test
    void withinZeroWorkingDaysMeansTheSameDayOrTheNextWorkingDay() {
        assertThat(WorkingDays.deadline(at("2026-12-01T10:00"), 0, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 1));
        assertThat(WorkingDays.deadline(at("2026-12-05T10:00"), 0, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 7));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsAMistakeNotAnEndlessLoop() {
        WorkingDayCalendar never = new WorkingDayCalendar() {
            @Override
            public boolean isHoliday(LocalDate date) {
                return true;
            }

            @Override
            public boolean isWorkingDay(LocalDate date) {
                return false;
            }
        };
        assertThatThrownBy(() -> WorkingDays.deadline(at("2026-12-01T10:00"), 1, never, SHANGHAI)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WorkingDays.deadline(at("2026-12-01T10:00"), -1, NATIONAL_DAY_2026, SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPauseCostsTheWorkingDaysThatBeganWhileItLastedAndMovesTheDeadlineOnByThem() {
        // Waited from Wednesday 30 September to Friday 9 October: only the 9th was a working day that began meanwhile.
        assertThat(WorkingDays.between(at("2026-09-30T15:00"), at("2026-10-09T11:00"), NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(1);
        // The same day: nothing; Friday to Monday: one (Monday).
        assertThat(WorkingDays.between(at("2026-12-01T09:00"), at("2026-12-01T17:00"), NATIONAL_DAY_2026, SHANGHAI)).isZero();
        assertThat(WorkingDays.between(at("2026-12-04T17:00"), at("2026-12-07T09:00"), NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(1);
        // A deadline at the close of Friday 4 December, two working days later: the close of Tuesday the 8th.
        assertThat(WorkingDays.later(endOf(2026, 12, 4), 2, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 8));
        assertThat(WorkingDays.later(endOf(2026, 12, 4), 0, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 12, 4));
        // Across the holiday: the close of 30 September plus one working day is the close of 9 October.
        assertThat(WorkingDays.later(endOf(2026, 9, 30), 1, NATIONAL_DAY_2026, SHANGHAI)).isEqualTo(endOf(2026, 10, 9));
    }
}
