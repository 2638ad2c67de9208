package org.kefu.callflow.routing;

import java.time.DayOfWeek;

/** One opening span of a service number ({@code NUMBER}) or queue ({@code QUEUE}) on a weekday. */
public record OfficeHoursSpan(String scopeKind, String scopeCode, DayOfWeek weekday, int openMinute, int closeMinute) {
}
