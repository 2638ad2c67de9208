package org.kefu.callflow.routing;

/** The calendar condition of a rule, on the center's date and time (Asia/Shanghai). */
public enum DayCondition {
    ANY,
    /** The date is a public holiday of the calendar. */
    HOLIDAY,
    /** Not a holiday: a weekday, or a weekend day made a working day (调休). */
    WORKING_DAY,
    /** Within the dialled number's office hours. */
    OPEN,
    /** Outside the dialled number's office hours (holidays included). */
    CLOSED
}
