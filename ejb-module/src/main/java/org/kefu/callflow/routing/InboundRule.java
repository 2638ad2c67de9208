package org.kefu.callflow.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/** A stored inbound routing rule (table routing_rule); {@link #toRule()} is what calls see. */
@Entity
@Table(name = "routing_rule")
public class InboundRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "dnis", length = 32)
    private String dnis;

    @Column(name = "caller_prefix", length = 32)
    private String callerPrefix;

    @Column(name = "weekdays", length = 7)
    private String weekdays;

    @Column(name = "from_minute")
    private Integer fromMinute;

    @Column(name = "to_minute")
    private Integer toMinute;

    @Column(name = "day_condition", nullable = false, length = 16)
    private String dayCondition = DayCondition.ANY.name();

    @Column(name = "announcement", length = 64)
    private String announcement;

    @Column(name = "target_kind", nullable = false, length = 16)
    private String targetKind;

    @Column(name = "target", length = 64)
    private String target;

    @Column(name = "enabled", nullable = false)
    private int enabled = 1;

    protected InboundRule() {
    }

    public InboundRule(RoutingRule r, boolean enabled) {
        update(r, enabled);
    }

    public final void update(RoutingRule r, boolean on) {
        priority = r.priority();
        name = r.name();
        dnis = r.dnis();
        callerPrefix = r.callerPrefix();
        StringBuilder days = new StringBuilder();
        r.weekdays().stream().sorted().forEach(d -> days.append(d.getValue()));
        weekdays = days.length() == 0 ? null : days.toString();
        fromMinute = r.fromMinute();
        toMinute = r.toMinute();
        dayCondition = r.day().name();
        announcement = r.announcement();
        targetKind = r.targetKind().name();
        target = r.target();
        enabled = on ? 1 : 0;
    }

    public Long getId() {
        return id;
    }

    public boolean isEnabled() {
        return enabled != 0;
    }

    public RoutingRule toRule() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (weekdays != null) {
            for (char c : weekdays.toCharArray()) {
                days.add(DayOfWeek.of(c - '0'));
            }
        }
        return new RoutingRule(id == null ? 0 : id, priority, name, dnis, callerPrefix, days, fromMinute, toMinute,
                DayCondition.valueOf(dayCondition), announcement, RuleTarget.valueOf(targetKind), target);
    }
}
