package org.kefu.callflow.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A dated exception to the week: a public holiday, or a make-up working day (调休) that keeps the
 * office hours of {@code asWeekday}.
 */
public record CalendarEntry(LocalDate date, boolean holiday, String name, DayOfWeek asWeekday) {
}
