package org.kefu.tickets;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Instant;
import java.util.List;

/**
 * Files attached to tickets, by whoever may see the ticket (a department's handler: only their
 * departments' tickets): at most {@link #MAX_BYTES} each ({@code kefu.tickets.attachmentMaxBytes},
 * 5 MB by default: below the HTTP listener's 10 MB), of the kinds {@link AttachmentType} takes, at
 * most {@value #MAX_PER_TICKET} per ticket, none on a closed ticket. Each is a step in the
 * ticket's history and an audit record.
 */
@Stateless
@PermitAll // local view only; who may see the ticket is the workflow's to say
public class TicketAttachments {

    public static final int MAX_BYTES = Integer.getInteger("kefu.tickets.attachmentMaxBytes", 5 * 1024 * 1024);
    static final int MAX_PER_TICKET = 20;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private TicketWorkflow workflow;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    private final AttachmentStore store = AttachmentStore.fromSystemProperties();

    /** A file and its bytes, as read back. */
    public record Content(TicketAttachment attachment, byte[] bytes) {
    }

    public TicketAttachment attach(long number, String fileName, byte[] content) {
        Ticket ticket = workflow.visible(number);
        String name = fileName(fileName);
        if (content == null || content.length == 0) {
            throw new TicketException("INVALID", "The file " + name + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new TicketException("TOO_LARGE", "A file may have at most " + MAX_BYTES + " bytes; " + name + " has " + content.length);
        }
        AttachmentType type = AttachmentType.of(name, content).orElseThrow(() -> new TicketException("UNSUPPORTED_TYPE",
                name + " is not a PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or UTF-8 text (.txt) file"));
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new TicketException("BAD_TRANSITION", "Ticket " + number + " is closed: it takes no more files");
        }
        long count = em.createQuery("SELECT COUNT(a) FROM TicketAttachment a WHERE a.ticketId = :t", Long.class)
                .setParameter("t", number).getSingleResult();
        if (count >= MAX_PER_TICKET) {
            throw new TicketException("INVALID", "Ticket " + number + " has " + MAX_PER_TICKET + " files already");
        }
        String sha = store.put(content);
        Instant now = Instant.now();
        String who = context.getCallerPrincipal().getName();
        TicketAttachment attachment = new TicketAttachment(number, name, type, content.length, sha, who, now);
        em.persist(attachment);
        String note = "attached " + name + " (" + type.name() + ", " + content.length + " bytes, SHA-256 " + sha + ")";
        em.persist(new TicketEvent(number, now, who, ticket.getStatus(), ticket.getStatus(), note));
        audit.record(who, "TICKET_ATTACH", "ticket " + number, AuditOutcome.SUCCESS, note, null);
        return attachment;
    }

    public List<TicketAttachment> of(long number) {
        workflow.visible(number);
        return em.createQuery("SELECT a FROM TicketAttachment a WHERE a.ticketId = :t ORDER BY a.uploadedAt, a.id", TicketAttachment.class)
                .setParameter("t", number).getResultList();
    }

    public Content content(long number, long id) {
        workflow.visible(number);
        TicketAttachment a = em.find(TicketAttachment.class, id);
        if (a == null || a.getTicketId() != number) {
            throw new TicketException("NO_SUCH_ATTACHMENT", "Ticket " + number + " has no file " + id);
        }
        return new Content(a, store.get(a.getSha256()));
    }

    /** The name without any folder a browser may send, one line of 1 to 200 characters. */
    static String fileName(String given) {
        String name = given == null ? "" : given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > 200 || name.codePoints().anyMatch(Character::isISOControl)
                || name.equals(".") || name.equals("..")) {
            throw new TicketException("INVALID", "A file needs a name of 1 to 200 characters on one line");
        }
        return name;
    }
}
