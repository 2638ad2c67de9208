package org.kefu.callflow.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;

/** A stored office-hours span (table office_hours). */
@Entity
@Table(name = "office_hours")
public class OfficeHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scope_kind", nullable = false, length = 16)
    private String scopeKind;

    @Column(name = "scope_code", nullable = false, length = 32)
    private String scopeCode;

    @Column(name = "weekday", nullable = false)
    private int weekday;

    @Column(name = "open_minute", nullable = false)
    private int openMinute;

    @Column(name = "close_minute", nullable = false)
    private int closeMinute;

    protected OfficeHours() {
    }

    public OfficeHours(OfficeHoursSpan s) {
        scopeKind = s.scopeKind();
        scopeCode = s.scopeCode();
        weekday = s.weekday().getValue();
        openMinute = s.openMinute();
        closeMinute = s.closeMinute();
    }

    public OfficeHoursSpan toSpan() {
        return new OfficeHoursSpan(scopeKind, scopeCode, DayOfWeek.of(weekday), openMinute, closeMinute);
    }
}
