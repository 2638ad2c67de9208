package org.kefu.web.tickets;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.tickets.Department;
import org.kefu.tickets.Departments;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketFigures;
import org.kefu.tickets.TicketType;
import org.kefu.tickets.Tickets;
import org.kefu.web.PageMessages;
import org.kefu.web.console.LocaleSelector;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The supervisor's ticket figures (issue 17): the tickets opened in a span of days by type,
 * channel, lead department and status, the answers on time and the satisfaction visits, as one
 * table that the page exports as CSV; and the overdue tickets, the longest overdue first. The
 * figures are {@link TicketFigures}', the same as GET /api/tickets/figures.
 */
@Named
@ViewScoped
public class TicketFiguresBoard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DAYS = 366;
    private static final int OVERDUE_SHOWN = 50;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Tickets.CENTER_ZONE);

    @EJB
    private TicketFigures figures;
    @EJB
    private Tickets tickets;
    @EJB
    private Departments departments;
    @Inject
    private LocaleSelector locale;

    private String from;
    private String to;
    private List<Row> rows = List.of();
    private List<Late> overdue = List.of();

    /** One line of the figures: its group (总计, 类型 …), what it counts and the value as shown. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String group;
        private final String item;
        private final String value;

        Row(String group, String item, String value) {
            this.group = group;
            this.item = item;
            this.value = value;
        }

        public String getGroup() { return group; }
        public String getItem() { return item; }
        public String getValue() { return value; }
    }

    /** An overdue ticket as the list shows it. */
    public static final class Late implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long number;
        private final String type;
        private final String subject;
        private final String department;
        private final String status;
        private final String due;
        private final long hoursOver;

        Late(long number, String type, String subject, String department, String status, String due, long hoursOver) {
            this.number = number;
            this.type = type;
            this.subject = subject;
            this.department = department;
            this.status = status;
            this.due = due;
            this.hoursOver = hoursOver;
        }

        public String getNumber() { return String.valueOf(number); }
        public String getType() { return type; }
        public String getSubject() { return subject; }
        public String getDepartment() { return department; }
        public String getStatus() { return status; }
        public String getDue() { return due; }
        public long getHoursOver() { return hoursOver; }
    }

    @PostConstruct
    public void refresh() {
        LocalDate first;
        LocalDate last;
        try {
            first = from == null || from.isBlank() ? LocalDate.now(Tickets.CENTER_ZONE) : LocalDate.parse(from.strip());
            last = to == null || to.isBlank() ? first : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            PageMessages.error("supervisor.figures.badSpan", MAX_DAYS);
            return;
        }
        if (last.isBefore(first) || first.plusDays(MAX_DAYS - 1L).isBefore(last)) {
            PageMessages.error("supervisor.figures.badSpan", MAX_DAYS);
            return;
        }
        from = first.toString();
        to = last.toString();
        Locale language = PageMessages.locale();
        boolean english = locale.isEnglish();
        Map<String, String> typeNames = tickets.types().stream()
                .collect(Collectors.toMap(TicketType::getCode, t -> english ? t.getNameEn() : t.getNameZh()));
        Map<String, String> departmentNames = departments.all().stream()
                .collect(Collectors.toMap(Department::getCode, d -> english ? d.getNameEn() : d.getNameZh()));

        TicketFigures.Figures f = figures.of(first, last);
        List<Row> table = new ArrayList<>();
        String total = text(language, "supervisor.figures.group.total");
        table.add(new Row(total, text(language, "supervisor.figures.opened"), String.valueOf(f.opened())));
        table.add(new Row(total, text(language, "supervisor.figures.answered"), String.valueOf(f.answered())));
        table.add(new Row(total, text(language, "supervisor.figures.answeredOnTime"), String.valueOf(f.answeredOnTime())));
        table.add(new Row(total, text(language, "supervisor.figures.onTimeRate"), percent(f.onTimeRate())));
        table.add(new Row(total, text(language, "supervisor.figures.visits"), String.valueOf(f.visits())));
        table.add(new Row(total, text(language, "supervisor.figures.satisfied"), String.valueOf(f.satisfied())));
        table.add(new Row(total, text(language, "supervisor.figures.satisfiedRate"), percent(f.satisfiedRate())));
        table.add(new Row(total, text(language, "supervisor.figures.averageScore"),
                f.averageScore() == null ? "—" : String.format(Locale.ROOT, "%.2f", f.averageScore())));
        add(table, text(language, "supervisor.figures.group.type"), f.byType(), code -> "NONE".equals(code) ? text(language, "supervisor.figures.noType") : typeNames.getOrDefault(code, code));
        add(table, text(language, "supervisor.figures.group.channel"), f.byChannel(),
                code -> text(language, "supervisor.figures.channel." + code));
        add(table, text(language, "supervisor.figures.group.department"), f.byDepartment(),
                code -> TicketFigures.CENTRE.equals(code) ? text(language, "supervisor.figures.centre") : departmentNames.getOrDefault(code, code));
        add(table, text(language, "supervisor.figures.group.status"), f.byStatus(), code -> text(language, "department.status." + code));
        rows = table;

        Instant now = Instant.now();
        overdue = tickets.overdue(0, OVERDUE_SHOWN).stream().map(t -> late(t, now, typeNames, departmentNames, language)).toList();
    }

    private static void add(List<Row> table, String group, List<TicketFigures.Count> counts, Function<String, String> name) {
        for (TicketFigures.Count c : counts) {
            table.add(new Row(group, name.apply(c.key()), String.valueOf(c.tickets())));
        }
    }

    private static Late late(Ticket t, Instant now, Map<String, String> typeNames, Map<String, String> departmentNames, Locale language) {
        String department = t.getDepartmentCode() == null ? text(language, "supervisor.figures.centre")
                : departmentNames.getOrDefault(t.getDepartmentCode(), t.getDepartmentCode());
        return new Late(t.getId(), t.getType() == null ? "—" : typeNames.getOrDefault(t.getType(), t.getType()), t.getSubject(), department,
                text(language, "department.status." + t.getStatus().name()), SHOWN.format(t.getDueAt()),
                Math.max(0, Duration.between(t.getDueAt(), now).toHours()));
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String text(Locale language, String key) {
        return PageMessages.text(language, key);
    }

    public List<Row> getRows() { return rows; }
    public List<Late> getOverdue() { return overdue; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
