package org.kefu.web.tickets;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kefu.tickets.DeadlineColour;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketEvent;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.Tickets;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The console's ticket query (工单查询, agent/tickets.xhtml, issue 17): by ticket number, by phone
 * number (the caller's, or any of a customer's) or by national ID number, as GET /api/tickets
 * does; one ticket opened shows its steps.
 */
@Named
@ViewScoped
public class TicketSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Tickets.CENTER_ZONE);

    @EJB
    private Tickets tickets;

    private String number;
    private String phone;
    private String idNumber;
    private List<Row> rows = List.of();
    private Row opened;
    private List<TicketEvent> history = List.of();

    /** A ticket as the list shows it (getters: EL does not read records). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long number;
        private final String type;
        private final String category;
        private final String subject;
        private final String description;
        private final String status;
        private final String channel;
        private final String createdAt;
        private final String answerBy;
        private final String colour;
        private final String answer;

        Row(Ticket t, Instant now) {
            this.number = t.getId();
            this.type = t.getType() == null ? "" : t.getType();
            this.category = t.getCategory();
            this.subject = t.getSubject();
            this.description = t.getDescription() == null ? "" : t.getDescription();
            this.status = t.getStatus().name();
            this.channel = t.getChannel();
            this.createdAt = SHOWN.format(t.getCreatedAt());
            this.answerBy = t.getAnswerBy() == null ? "" : SHOWN.format(t.getAnswerBy());
            Instant deadline = t.currentDeadline();
            this.colour = deadline == null ? "NONE" : DeadlineColour.of(t.getCreatedAt(), deadline, now).name();
            this.answer = t.getResolution() == null ? "" : t.getResolution();
        }

        public String getNumber() { return String.valueOf(number); }
        public String getType() { return type; }
        public String getCategory() { return category; }
        public String getSubject() { return subject; }
        public String getDescription() { return description; }
        public String getStatus() { return status; }
        public String getChannel() { return channel; }
        public String getCreatedAt() { return createdAt; }
        public String getAnswerBy() { return answerBy; }
        public String getColour() { return colour; }
        public String getAnswer() { return answer; }
    }

    public void search() {
        opened = null;
        history = List.of();
        String n = trimmed(number);
        String p = trimmed(phone);
        String id = trimmed(idNumber);
        Instant now = Instant.now();
        if (n != null) {
            if (!n.matches("[0-9]{1,18}")) {
                PageMessages.error("tickets.search.notFound", n);
                rows = List.of();
                return;
            }
            try {
                rows = List.of(new Row(tickets.find(Long.parseLong(n)), now));
            } catch (TicketException e) {
                PageMessages.error("tickets.search.notFound", n);
                rows = List.of();
            }
        } else if (p != null || id != null) {
            rows = tickets.ofPhoneOrIdNumber(p, p == null ? id : null).stream().map(t -> new Row(t, now)).toList();
            if (rows.isEmpty()) {
                PageMessages.info("tickets.search.none");
            }
        } else {
            PageMessages.error("tickets.search.what");
            rows = List.of();
        }
        if (rows.size() == 1) {
            open(rows.get(0).getNumber());
        }
    }

    public void open(String which) {
        opened = rows.stream().filter(r -> r.getNumber().equals(which)).findFirst().orElse(null);
        history = opened == null ? List.of() : tickets.history(Long.parseLong(which));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    public List<Row> getRows() { return rows; }
    public Row getOpened() { return opened; }
    public List<TicketEvent> getHistory() { return history; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
}
