package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The tickets' figures for a span of days (Asia/Shanghai): the tickets opened then, counted by type,
 * channel, lead department and where they stand now; how many of them were answered and how many
 * of those by their answer deadline; and the satisfaction visits made in those days.
 */
@Stateless
@PermitAll // local only; the REST resource checks the roles
public class TicketFigures {

    /** The department of a ticket no department leads (still at the centre, or answered there). */
    public static final String CENTRE = "CENTRE";

    /** Figures of the tickets opened from {@code from} to {@code to} (both included). */
    public record Figures(LocalDate from, LocalDate to, long opened, List<Count> byType, List<Count> byChannel,
                          List<Count> byDepartment, List<Count> byStatus, long answered, long answeredOnTime,
                          long visits, long satisfied, Double averageScore) {

        /** Answered by the deadline as a share of those answered (0 to 1); null when none was answered. */
        public Double onTimeRate() {
            return answered == 0 ? null : (double) answeredOnTime / answered;
        }

        /** Satisfied visits as a share of all visits (0 to 1); null without visits. */
        public Double satisfiedRate() {
            return visits == 0 ? null : (double) satisfied / visits;
        }
    }

    /** How many tickets have this type, channel, department or status. */
    public record Count(String key, long tickets) {
    }

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public Figures of(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Tickets.CENTER_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Tickets.CENTER_ZONE).toInstant();
        String span = " FROM Ticket t WHERE t.createdAt >= :start AND t.createdAt < :end";
        long opened = em.createQuery("SELECT COUNT(t)" + span, Long.class)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        String answeredAt = " AND EXISTS (SELECT e.id FROM TicketEvent e WHERE e.ticketId = t.id AND e.action = :answer";
        long answered = em.createQuery("SELECT COUNT(t)" + span + answeredAt + ")", Long.class)
                .setParameter("start", start).setParameter("end", end).setParameter("answer", TicketAction.ANSWER).getSingleResult();
        // On time: an answer came by the answer deadline (as it stands, moved on by pauses and reopening).
        long onTime = em.createQuery("SELECT COUNT(t)" + span + answeredAt + " AND e.occurredAt <= t.answerBy)", Long.class)
                .setParameter("start", start).setParameter("end", end).setParameter("answer", TicketAction.ANSWER).getSingleResult();
        Object[] visits = em.createQuery("SELECT COUNT(v), SUM(CASE WHEN v.solved = 'Y' AND v.score >= 3 THEN 1 ELSE 0 END), AVG(v.score)"
                        + " FROM TicketVisit v WHERE v.visitedAt >= :start AND v.visitedAt < :end", Object[].class)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        long visitCount = ((Number) visits[0]).longValue();
        return new Figures(from, to, opened, counts("t.type", span, start, end), counts("t.channel", span, start, end),
                counts("t.departmentCode", span, start, end), counts("t.status", span, start, end), answered, onTime, visitCount,
                visits[1] == null ? 0 : ((Number) visits[1]).longValue(), visitCount == 0 ? null : ((Number) visits[2]).doubleValue());
    }

    private List<Count> counts(String field, String span, Instant start, Instant end) {
        List<Count> counts = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT " + field + ", COUNT(t)" + span + " GROUP BY " + field + " ORDER BY COUNT(t) DESC", Object[].class)
                .setParameter("start", start).setParameter("end", end).getResultList()) {
            String key = row[0] == null ? (field.equals("t.departmentCode") ? CENTRE : "NONE") : row[0].toString();
            counts.add(new Count(key, ((Number) row[1]).longValue()));
        }
        return counts;
    }
}
