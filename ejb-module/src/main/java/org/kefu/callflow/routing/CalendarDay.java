package org.kefu.callflow.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A stored holiday or make-up working day (table calendar_day). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    @Column(name = "day_date")
    private LocalDate date;

    @Column(name = "day_kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "as_weekday")
    private Integer asWeekday;

    protected CalendarDay() {
    }

    public CalendarDay(CalendarEntry e) {
        date = e.date();
        update(e);
    }

    public final void update(CalendarEntry e) {
        kind = e.holiday() ? "HOLIDAY" : "WORKDAY";
        name = e.name();
        asWeekday = e.asWeekday() == null ? null : e.asWeekday().getValue();
    }

    public CalendarEntry toEntry() {
        return new CalendarEntry(date, "HOLIDAY".equals(kind), name, asWeekday == null ? null : DayOfWeek.of(asWeekday));
    }
}
