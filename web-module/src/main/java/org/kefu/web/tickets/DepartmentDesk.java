package org.kefu.web.tickets;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.tickets.DeadlineColour;
import org.kefu.tickets.Departments;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketAction;
import org.kefu.tickets.TicketAttachment;
import org.kefu.tickets.TicketAttachments;
import org.kefu.tickets.TicketEvent;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketWorkflow;
import org.kefu.web.PageMessages;
import org.primefaces.model.file.UploadedFile;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The department portal (承办单位工作台, issue 17): a handler's queue of the tickets dispatched to
 * their department, coloured by the deadline that runs; take one (START), answer it or return it
 * to the centre (退单) with a reason. Every step goes through the same workflow as the REST API.
 */
@Named
@ViewScoped
public class DepartmentDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** A row of the queue; getters for EL. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long number;
        private final String type;
        private final String category;
        private final String subject;
        private final String status;
        private final String answerBy;
        private final String colour;
        private final boolean lead;

        Row(Ticket t, String department, Instant now) {
            this.number = t.getId();
            this.type = t.getType();
            this.category = t.getCategory();
            this.subject = t.getSubject();
            this.status = t.getStatus().name();
            this.answerBy = t.getAnswerBy() == null ? "" : SHOWN.format(t.getAnswerBy());
            Instant deadline = t.currentDeadline();
            this.colour = deadline == null ? "NONE" : DeadlineColour.of(t.getCreatedAt(), deadline, now).name();
            this.lead = department.equals(t.getDepartmentCode());
        }

        public long getNumber() { return number; }
        public String getType() { return type; }
        public String getCategory() { return category; }
        public String getSubject() { return subject; }
        public String getStatus() { return status; }
        public String getAnswerBy() { return answerBy; }
        public String getColour() { return colour; }
        public boolean isLead() { return lead; }
        public boolean isTakeable() { return lead && TicketStatus.DISPATCHED.name().equals(status); }
        public boolean isInProgress() { return lead && TicketStatus.IN_PROGRESS.name().equals(status); }
    }

    @EJB
    private Departments departments;
    @EJB
    private TicketWorkflow workflow;
    @EJB
    private TicketAttachments attachments;
    @Inject
    private CurrentUser currentUser;

    private List<String> mine = List.of();
    private String department;
    private List<Row> rows = List.of();
    private Long selected;
    private Ticket ticket;
    private List<TicketEvent> history = List.of();
    private String note;
    private List<TicketAttachment> files = List.of();
    private transient UploadedFile upload;

    @PostConstruct
    void load() {
        mine = departments.of(currentUser.getLogin());
        if (department == null && !mine.isEmpty()) {
            department = mine.get(0);
        }
        refresh();
    }

    public void refresh() {
        Instant now = Instant.now();
        rows = department == null ? List.of() : workflow.queue(department).stream().map(t -> new Row(t, department, now)).toList();
        if (selected != null) {
            open(selected);
        }
    }

    public void open(long number) {
        try {
            ticket = workflow.visible(number);
            history = workflow.history(number);
            files = attachments.of(number);
            selected = number;
        } catch (TicketException e) {
            selected = null;
            ticket = null;
            history = List.of();
            files = List.of();
        }
    }

    public void take(long number) {
        act(number, TicketAction.START, "department.taken");
    }

    public void answer() {
        act(selected, TicketAction.ANSWER, "department.answered");
    }

    public void giveBack() {
        act(selected, TicketAction.RETURN, "department.returned");
    }

    public void waitForCustomer() {
        act(selected, TicketAction.WAIT, "department.waiting");
    }

    public void resume() {
        act(selected, TicketAction.RESUME, "department.resumed");
    }

    private void act(Long number, TicketAction action, String done) {
        if (number == null) {
            return;
        }
        try {
            workflow.act(number, action, null, null, note == null || note.isBlank() ? null : note.strip());
            PageMessages.info(done, String.valueOf(number));
            note = null;
            selected = number;
        } catch (TicketException e) {
            PageMessages.error("department.refused", e.getMessage());
        }
        refresh();
    }

    /**
     * Attaches the chosen file to the open ticket (a photo of the meter, the repair report): the
     * same checks as the REST API's — its type told by its bytes, at most 5 MB, 20 per ticket —
     * a step of the history and an audit record.
     */
    public void attach() {
        if (selected == null) {
            return;
        }
        UploadedFile file = upload;
        upload = null;
        if (file == null || file.getSize() == 0) {
            PageMessages.error("department.files.choose");
            return;
        }
        try {
            TicketAttachment added = attachments.attach(selected, file.getFileName(), file.getContent());
            PageMessages.info("department.files.attached", added.getFileName(), String.valueOf(selected));
        } catch (TicketException e) {
            switch (e.getCode()) {
                case "TOO_LARGE" -> PageMessages.error("department.files.tooLarge", String.valueOf(TicketAttachments.MAX_BYTES / (1024 * 1024)));
                case "UNSUPPORTED_TYPE" -> PageMessages.error("department.files.unsupported");
                default -> PageMessages.error("department.refused", e.getMessage());
            }
        }
        refresh();
    }

    public String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    public List<String> getMine() { return mine; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) {
        this.department = mine.contains(department) ? department : this.department;
    }
    public List<Row> getRows() { return rows; }
    public Ticket getTicket() { return ticket; }
    public List<TicketEvent> getHistory() { return history; }
    public List<TicketAttachment> getFiles() { return files; }
    public UploadedFile getUpload() { return upload; }
    public void setUpload(UploadedFile upload) { this.upload = upload; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public boolean isWaiting() {
        return ticket != null && ticket.getStatus() == TicketStatus.WAITING && department != null
                && department.equals(ticket.getDepartmentCode());
    }

    public boolean isInProgress() {
        return ticket != null && ticket.getStatus() == TicketStatus.IN_PROGRESS && department != null
                && department.equals(ticket.getDepartmentCode());
    }
}
