package org.kefu.web.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The days a figures query asks for: {@code from} (default today in Asia/Shanghai) to {@code to}
 * (default {@code from}), in order and at most so many days; anything else is a 400
 * ({@link InvalidBody}) with the reason.
 */
record DaySpan(LocalDate from, LocalDate to) {

    private static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    static DaySpan of(String from, String to, int maxDays) {
        LocalDate first;
        LocalDate last;
        try {
            first = from == null || from.isBlank() ? LocalDate.now(CENTER_ZONE) : LocalDate.parse(from.strip());
            last = to == null || to.isBlank() ? first : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidBody("from and to are dates YYYY-MM-DD");
        }
        if (last.isBefore(first) || first.plusDays(maxDays - 1L).isBefore(last)) {
            throw new InvalidBody("from to to is 1 to " + maxDays + " days");
        }
        return new DaySpan(first, last);
    }
}
