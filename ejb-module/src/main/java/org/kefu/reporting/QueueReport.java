package org.kefu.reporting;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.acd.AcdException;
import org.kefu.acd.CallQueue;
import org.kefu.acd.RoutingState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A queue's live figures (from the ACD's router) and today's (R-2.x, issue 4 §6), counted from the
 * ACD's event log ({@code acd_event}).
 */
@Stateless
@PermitAll // local view only: the REST layer (which checks roles) calls it
public class QueueReport {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @EJB
    RoutingState state;

    /** Live and today's figures of a queue; "today" is the business day in Asia/Shanghai. */
    public QueueStatistics statistics(String queueCode) {
        CallQueue queue = state.queue(queueCode);
        if (queue == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown queue " + queueCode);
        }
        Instant since = LocalDate.ofInstant(state.clock().instant(), BUSINESS_ZONE).atStartOfDay(BUSINESS_ZONE).toInstant();
        long sl = queue.getServiceLevelSeconds() * 1000L;
        long shortLimit = queue.getShortAbandonSeconds() * 1000L;
        long enqueued = count("select count(e) from AcdEvent e where e.type = 'ENQUEUE' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null);
        long answered = count("select count(e) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null);
        long inTime = count("select count(e) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since and e.waitMillis <= :limit",
                queueCode, since, sl);
        long shortAbandons = count("select count(e) from AcdEvent e where e.type = 'ABANDON' and e.queueCode = :q and e.occurredAt >= :since and e.waitMillis < :limit",
                queueCode, since, shortLimit);
        long abandons = count("select count(e) from AcdEvent e where e.type = 'ABANDON' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since, null) - shortAbandons;
        Double asa = average("select avg(e.waitMillis) from AcdEvent e where e.type = 'ANSWER' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since);
        Double aht = average("select avg(e.durationMillis) from AcdEvent e where e.type = 'END' and e.queueCode = :q and e.occurredAt >= :since",
                queueCode, since);
        long offered = Math.max(0, enqueued - shortAbandons);
        return new QueueStatistics(state.router().figures(queueCode), queue.getServiceLevelSeconds(), queue.getShortAbandonSeconds(),
                offered, answered, inTime, abandons, shortAbandons,
                offered == 0 ? null : (double) inTime / offered,
                asa == null ? null : asa / 1000.0,
                aht == null ? null : aht / 1000.0,
                offered == 0 ? null : (double) abandons / offered);
    }

    private long count(String jpql, String queue, Instant since, Long limit) {
        var query = em.createQuery(jpql, Long.class).setParameter("q", queue).setParameter("since", since);
        if (limit != null) {
            query.setParameter("limit", limit);
        }
        return query.getSingleResult();
    }

    private Double average(String jpql, String queue, Instant since) {
        return em.createQuery(jpql, Double.class).setParameter("q", queue).setParameter("since", since).getSingleResult();
    }
}
