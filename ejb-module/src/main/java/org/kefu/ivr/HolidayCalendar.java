package org.kefu.ivr;

import java.time.LocalDate;

/** The center's holidays, for condition nodes ({@code {"holiday": true}}). */
@FunctionalInterface
public interface HolidayCalendar {

    HolidayCalendar NONE = date -> false;

    boolean isHoliday(LocalDate date);
}
