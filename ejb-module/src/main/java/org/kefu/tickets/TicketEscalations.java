package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Instant;
import java.util.List;

/**
 * Warns whoever must act when a ticket runs late: the head of the department it is dispatched to
 * when its answer's clock turns yellow (level 1), the centre's supervisors when it is overdue, not
 * accepted or not answered in time (level 2). The state is the ticket's escalation level in the
 * database, so a scan at any moment (the timer's, or after a restart) raises exactly the warnings
 * that are due and none twice.
 */
@Stateless
@PermitAll // local only: the escalation timer and the tests that drive its clock
public class TicketEscalations {

    static final String ACTOR = "kefu-escalation";

    /** At most this many tickets per scan, so that a backlog cannot hold one transaction for long. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /** Raises the warnings due at {@code now}; how many. */
    public int escalate(Instant now) {
        List<Long> due = em.createQuery("SELECT t.id FROM Ticket t WHERE t.nextEscalationAt <= :now"
                        + " ORDER BY t.nextEscalationAt, t.id", Long.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
        int raised = 0;
        for (Long id : due) {
            Ticket ticket = em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (ticket == null) {
                continue;
            }
            if (escalate(ticket, now)) {
                raised++;
            } else {
                // Nothing was due after all (a row written by hand or by an older version):
                // correct its schedule, or it would come back at every scan.
                ticket.schedule();
            }
        }
        return raised;
    }

    /** Re-checked under the ticket's lock: another node or scan may have warned already. */
    private boolean escalate(Ticket ticket, Instant now) {
        if (!ticket.getStatus().clockRuns()) {
            return false;
        }
        boolean lateToAccept = ticket.getStatus() == TicketStatus.NEW && ticket.getAcceptBy() != null && !now.isBefore(ticket.getAcceptBy());
        boolean lateToAnswer = ticket.getAnswerBy() != null && !now.isBefore(ticket.getAnswerBy());
        if ((lateToAccept || lateToAnswer) && ticket.getEscalationLevel() < 2) {
            return raise(ticket, 2, TicketEscalation.SUPERVISORS, lateToAccept ? "not accepted by " + ticket.getAcceptBy()
                    : "not answered by " + ticket.getAnswerBy() + (ticket.getDepartmentCode() == null ? "" : " (" + ticket.getDepartmentCode() + ")"), now);
        }
        boolean sent = ticket.getStatus() == TicketStatus.DISPATCHED || ticket.getStatus() == TicketStatus.IN_PROGRESS;
        if (sent && ticket.getEscalationLevel() == 0 && ticket.getWarnAt() != null && !now.isBefore(ticket.getWarnAt())) {
            Department department = em.find(Department.class, ticket.getDepartmentCode());
            String head = department == null ? null : department.getHeadLogin();
            // A department without a head: its supervisors in the centre hear of it instead.
            return raise(ticket, 1, head == null ? TicketEscalation.SUPERVISORS : head,
                    "little time left to answer by " + ticket.getAnswerBy() + " (" + ticket.getDepartmentCode() + ")", now);
        }
        return false;
    }

    private boolean raise(Ticket ticket, int level, String recipient, String reason, Instant now) {
        TicketStatus status = ticket.getStatus();
        ticket.escalated(level);
        em.persist(new TicketEscalation(ticket.getId(), level, recipient, reason, now));
        em.persist(new TicketEvent(ticket.getId(), now, ACTOR, TicketAction.ESCALATE, status, status, "to " + recipient + ": " + reason));
        audit.record(ACTOR, "TICKET_ESCALATE", "ticket " + ticket.getId(), AuditOutcome.SUCCESS,
                "level " + level + " to " + recipient + ": " + reason, null);
        return true;
    }

    /** The warnings to {@code recipients} (a login, and {@value TicketEscalation#SUPERVISORS} for a supervisor), newest first. */
    public List<TicketEscalation> to(List<String> recipients, int max) {
        return em.createQuery("SELECT e FROM TicketEscalation e WHERE e.recipient IN :r ORDER BY e.raisedAt DESC, e.id DESC",
                        TicketEscalation.class)
                .setParameter("r", recipients).setMaxResults(max).getResultList();
    }

    public List<TicketEscalation> of(long ticket) {
        return em.createQuery("SELECT e FROM TicketEscalation e WHERE e.ticketId = :t ORDER BY e.raisedAt, e.id", TicketEscalation.class)
                .setParameter("t", ticket).getResultList();
    }
}
