package org.kefu.callflow.routing;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule matching in the center's time zone, with holidays, make-up working days (调休) and office hours. */
class RuleBookTest {

    /** 2026-10-01 (Thursday) National Day; 2026-10-10 (Saturday) a make-up working day. */
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(
            List.of(new CalendarEntry(LocalDate.of(2026, 10, 1), true, "国庆节", null),
                    new CalendarEntry(LocalDate.of(2026, 10, 10), false, "国庆调休", DayOfWeek.FRIDAY)),
            hoursOf12345());

    private static List<OfficeHoursSpan> hoursOf12345() {
        // Monday to Friday 08:30-18:00, Saturday 09:00-12:00, Sunday closed.
        var spans = new java.util.ArrayList<OfficeHoursSpan>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            spans.add(new OfficeHoursSpan("NUMBER", "12345", d, 8 * 60 + 30, 18 * 60));
        }
        spans.add(new OfficeHoursSpan("NUMBER", "12345", DayOfWeek.SATURDAY, 9 * 60, 12 * 60));
        return spans;
    }

    /** A moment given in Beijing time. */
    private static Instant beijing(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(RuleBook.CENTER_ZONE).toInstant();
    }

    private static RoutingRule rule(long id, int priority, String dnis, String prefix, DayCondition day, RuleTarget kind, String target) {
        return new RoutingRule(id, priority, "r" + id, dnis, prefix, Set.of(), null, null, day, null, kind, target);
    }

    @Test
    void outOfHoursIsJudgedInBeijingTimeNotUtc() {
        RuleBook book = new RuleBook(List.of(rule(1, 10, "12345", null, DayCondition.CLOSED, RuleTarget.VOICEMAIL, "hotline")), CALENDAR);
        // Tuesday 2026-11-24 08:00 Beijing is Monday 00:00 UTC: closed (opens 08:30 Beijing).
        assertThat(book.match("12345", "13800138000", beijing(2026, 11, 24, 8, 0))).map(RoutingRule::id).contains(1L);
        // 09:00 Beijing (01:00 UTC, which in UTC terms would be "night"): open, no rule.
        assertThat(book.match("12345", "13800138000", beijing(2026, 11, 24, 9, 0))).isEmpty();
        // 18:00 is closing time: closed.
        assertThat(book.match("12345", "13800138000", beijing(2026, 11, 24, 18, 0))).isPresent();
        // Another number has no office hours: open around the clock.
        assertThat(book.match("95500", "13800138000", beijing(2026, 11, 24, 3, 0))).isEmpty();
    }

    @Test
    void aHolidayClosesANumberWithOfficeHoursAllDay() {
        RuleBook book = new RuleBook(List.of(rule(1, 10, "12345", null, DayCondition.CLOSED, RuleTarget.VOICEMAIL, null),
                rule(2, 5, null, null, DayCondition.HOLIDAY, RuleTarget.IVR, "hotline-12345")), CALENDAR);
        // National Day, a Thursday at 10:00: the holiday rule (priority 5) wins over the closed rule.
        assertThat(book.match("12345", "139", beijing(2026, 10, 1, 10, 0))).map(RoutingRule::id).contains(2L);
        assertThat(CALENDAR.isOpen("NUMBER", "12345", beijing(2026, 10, 1, 10, 0).atZone(RuleBook.CENTER_ZONE))).isFalse();
        // The day before at 10:00: open, nothing matches.
        assertThat(book.match("12345", "139", beijing(2026, 9, 30, 10, 0))).isEmpty();
        // A number without office hours stays open on holidays (the holiday rule still matches it).
        assertThat(CALENDAR.isOpen("NUMBER", "95500", beijing(2026, 10, 1, 10, 0).atZone(RuleBook.CENTER_ZONE))).isTrue();
    }

    @Test
    void aMakeUpWorkingDayOnSaturdayKeepsTheHoursOfItsWeekday() {
        // 2026-10-10 is a Saturday worked as a Friday (调休): open at 15:00, when Saturdays close at 12:00.
        var at = beijing(2026, 10, 10, 15, 0).atZone(RuleBook.CENTER_ZONE);
        assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(CALENDAR.isOpen("NUMBER", "12345", at)).isTrue();
        assertThat(CALENDAR.isWorkingDay(at.toLocalDate())).isTrue();
        // The next Saturday is an ordinary one: closed at 15:00, and no working day.
        var next = beijing(2026, 10, 17, 15, 0).atZone(RuleBook.CENTER_ZONE);
        assertThat(CALENDAR.isOpen("NUMBER", "12345", next)).isFalse();
        assertThat(CALENDAR.isWorkingDay(next.toLocalDate())).isFalse();
        RuleBook book = new RuleBook(List.of(rule(1, 1, null, null, DayCondition.WORKING_DAY, RuleTarget.MENU, null)), CALENDAR);
        assertThat(book.match("12345", "1", beijing(2026, 10, 10, 15, 0))).isPresent();
        assertThat(book.match("12345", "1", beijing(2026, 10, 17, 15, 0))).isEmpty();
        assertThat(book.match("12345", "1", beijing(2026, 10, 1, 15, 0))).as("a holiday is no working day").isEmpty();
    }

    @Test
    void amongEqualPrioritiesTheLongestCallerPrefixWinsWhateverTheOrderOfDefinition() {
        RuleBook book = new RuleBook(List.of(
                rule(1, 10, null, "138", DayCondition.ANY, RuleTarget.QUEUE, "hotline"),
                rule(2, 10, null, "1380013", DayCondition.ANY, RuleTarget.QUEUE, "vip"),
                rule(3, 10, null, "13800", DayCondition.ANY, RuleTarget.QUEUE, "banking")), CALENDAR);
        Instant now = beijing(2026, 11, 24, 10, 0);
        assertThat(book.match("95500", "13800138000", now)).map(RoutingRule::target).contains("vip");
        assertThat(book.match("95500", "13800999999", now)).map(RoutingRule::target).contains("banking");
        assertThat(book.match("95500", "13899999999", now)).map(RoutingRule::target).contains("hotline");
        assertThat(book.match("95500", "13900139000", now)).isEmpty();
        assertThat(book.match("95500", null, now)).as("anonymous callers match no prefix").isEmpty();
    }

    @Test
    void aLowerPriorityNumberBeatsALongerPrefix() {
        RuleBook book = new RuleBook(List.of(
                rule(1, 20, null, "1380013", DayCondition.ANY, RuleTarget.QUEUE, "vip"),
                rule(2, 10, null, "138", DayCondition.ANY, RuleTarget.REJECT, null)), CALENDAR);
        assertThat(book.match("95500", "13800138000", beijing(2026, 11, 24, 10, 0))).map(RoutingRule::id).contains(2L);
    }

    @Test
    void dialledNumberWeekdaysAndATimeWindowThatWrapsMidnight() {
        RoutingRule night = new RoutingRule(1, 10, "night", "96000", null, Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                22 * 60, 6 * 60, DayCondition.ANY, "out-of-hours", RuleTarget.VOICEMAIL, "utilities");
        RuleBook book = new RuleBook(List.of(night), BusinessCalendar.EMPTY);
        // Friday 2026-11-27 23:30 and Saturday 05:59 Beijing: in the window.
        assertThat(book.match("96000", "1", beijing(2026, 11, 27, 23, 30))).isPresent();
        assertThat(book.match("96000", "1", beijing(2026, 11, 28, 5, 59))).isPresent();
        // Saturday 06:00: out of the window; Sunday 01:00: not a listed weekday; another number: no.
        assertThat(book.match("96000", "1", beijing(2026, 11, 28, 6, 0))).isEmpty();
        assertThat(book.match("96000", "1", beijing(2026, 11, 29, 1, 0))).isEmpty();
        assertThat(book.match("12345", "1", beijing(2026, 11, 27, 23, 30))).isEmpty();
        // Thursday 23:30 Beijing is Thursday 15:30 UTC; Friday 01:00 Beijing is Thursday in UTC but Friday here.
        assertThat(book.match("96000", "1", beijing(2026, 11, 26, 23, 30))).isEmpty();
        assertThat(book.match("96000", "1", beijing(2026, 11, 27, 1, 0))).isPresent();
    }

    @Test
    void nothingMatchesWithoutRules() {
        assertThat(RuleBook.EMPTY.match("12345", "13800138000", Instant.now())).isEqualTo(Optional.empty());
    }
}
