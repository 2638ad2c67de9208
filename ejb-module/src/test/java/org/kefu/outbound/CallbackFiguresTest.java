package org.kefu.outbound;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Callback figures counted per Shanghai day and queue. */
class CallbackFiguresTest {

    private static CallbackFigures.Row row(String at, String queue, String status, String outcome) {
        return new CallbackFigures.Row(Instant.parse(at), queue, status, outcome);
    }

    @Test
    void requestsAttemptsContactsAndRefusalsPerShanghaiDayAndQueue() {
        List<CallbackFigures.Row> requests = List.of(
                row("2026-12-07T01:00:00Z", "hotline", "DONE", "ANSWERED"),
                row("2026-12-07T02:00:00Z", "hotline", "FAILED", "DO_NOT_CALL"),
                row("2026-12-07T03:00:00Z", "utilities", "QUEUED", "BUSY"),
                // 23:30 UTC on the 7th is 07:30 on the 8th in Shanghai
                row("2026-12-07T23:30:00Z", "hotline", "QUEUED", null));
        List<CallbackFigures.Row> attempts = List.of(
                row("2026-12-07T01:05:00Z", "hotline", "ENDED", "ANSWERED"),
                row("2026-12-07T03:05:00Z", "utilities", "ENDED", "BUSY"),
                row("2026-12-07T03:20:00Z", "utilities", "DIALLING", null));

        List<CallbackDay> days = CallbackFigures.count(requests, attempts);

        assertThat(days).containsExactly(
                new CallbackDay(LocalDate.of(2026, 12, 7), "hotline", 2, 1, 1, Map.of("ANSWERED", 1L), 1),
                new CallbackDay(LocalDate.of(2026, 12, 7), "utilities", 1, 2, 0, Map.of("BUSY", 1L, "DIALLING", 1L), 0),
                new CallbackDay(LocalDate.of(2026, 12, 8), "hotline", 1, 0, 0, Map.of(), 0));
    }
}
