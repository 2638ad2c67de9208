package org.kefu.platform;

import java.time.LocalDate;

/**
 * Holidays and make-up working days (调休) as outbound dialling and ticket deadlines read them: the routing's calendar
 * ({@code org.kefu.callflow.routing.InboundRouting} implements this port), from memory.
 */
public interface WorkingDayCalendar {

    boolean isHoliday(LocalDate date);

    /** Not a holiday, and either Monday to Friday or a make-up working day. */
    boolean isWorkingDay(LocalDate date);
}
