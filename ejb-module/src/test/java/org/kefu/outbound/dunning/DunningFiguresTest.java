package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DunningFiguresTest {

    // 2026-12-07 09:00 and 2026-12-08 09:00 in Asia/Shanghai.
    private static final Instant MONDAY = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-08T01:00:00Z");

    @Test
    void remindersAreCountedPerDayInShanghaiAndChannelByWhatBecameOfThem() {
        List<DunningDay> days = DunningFigures.count(List.of(
                new DunningFigures.Reminder("B1", MONDAY, "SMS", "SENT"),
                new DunningFigures.Reminder("B2", MONDAY, "SMS", "REFUSED"),
                new DunningFigures.Reminder("B3", MONDAY, "SMS", "QUEUED"),
                new DunningFigures.Reminder("B4", MONDAY, "EMAIL", "FAILED"),
                // 23:30 on the 7th in UTC is the 8th in Shanghai.
                new DunningFigures.Reminder("B5", Instant.parse("2026-12-07T23:30:00Z"), "SMS", "UNCERTAIN")), Map.of());
        assertThat(days).extracting(d -> d.day() + " " + d.channel() + " " + d.reminders() + "/" + d.sent() + "/" + d.waiting()
                        + "/" + d.failed() + "/" + d.refused() + "/" + d.uncertain())
                .containsExactly("2026-12-07 EMAIL 1/0/0/1/0/0", "2026-12-07 SMS 3/1/1/0/1/0", "2026-12-08 SMS 1/0/0/0/0/1");
    }

    @Test
    void aPaidBillCountsOnceForItsLastReminderBeforeThePayment() {
        List<DunningDay> days = DunningFigures.count(List.of(
                new DunningFigures.Reminder("B1", MONDAY, "SMS", "SENT"),
                new DunningFigures.Reminder("B1", TUESDAY, "EMAIL", "SENT"),
                // Paid before its reminder was sent: not the reminder's doing.
                new DunningFigures.Reminder("B2", TUESDAY, "SMS", "SENT"),
                // Refused reminders reached no one.
                new DunningFigures.Reminder("B3", MONDAY, "SMS", "REFUSED")), Map.of(
                "B1", new DunningFigures.Payment(TUESDAY.plusSeconds(3600), new BigDecimal("128.50")),
                "B2", new DunningFigures.Payment(MONDAY, new BigDecimal("10.00")),
                "B3", new DunningFigures.Payment(TUESDAY, new BigDecimal("99.00"))));
        assertThat(days).extracting(d -> d.day() + " " + d.channel() + " paid " + d.paid() + " " + d.collected())
                .containsExactly("2026-12-07 SMS paid 0 0.00", "2026-12-08 EMAIL paid 1 128.50", "2026-12-08 SMS paid 0 0.00");
        assertThat(days.get(0).getDay()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void callsAreAChannelOfTheirOwnAndTheirPromisesAreCounted() {
        List<DunningDay> days = DunningFigures.count(List.of(
                new DunningFigures.Reminder("B1", MONDAY, "VOICE", "SENT", "PROMISED"),
                new DunningFigures.Reminder("B2", MONDAY, "VOICE", "SENT", "AGENT"),
                new DunningFigures.Reminder("B3", MONDAY, "VOICE", "SENT", "PAID"),
                new DunningFigures.Reminder("B4", MONDAY, "VOICE", "QUEUED", null),
                new DunningFigures.Reminder("B5", MONDAY, "SMS", "SENT")), Map.of(
                "B3", new DunningFigures.Payment(MONDAY.plusSeconds(60), new BigDecimal("88.50"))));
        assertThat(days).extracting(d -> d.channel() + " " + d.reminders() + "/" + d.sent() + " promised " + d.promised()
                        + " paid " + d.paid() + " " + d.collected())
                .containsExactly("SMS 1/1 promised 0 paid 0 0.00", "VOICE 4/3 promised 1 paid 1 88.50");
    }
}
