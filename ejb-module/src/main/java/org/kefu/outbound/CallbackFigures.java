package org.kefu.outbound;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Callback figures per day and queue, for supervisors (issue 16 item 6), counted in the centre's time zone. */
@Stateless
@RolesAllowed({"supervisor", "admin"})
public class CallbackFigures {

    static final ZoneId CENTER_ZONE = CallingHours.CENTER_ZONE;
    /** A longer span is a report, not a query on the live tables. */
    public static final int MAX_DAYS = 31;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /** From {@code from} to {@code to} inclusive, oldest day first, queues by code; days without callbacks are left out. */
    public List<CallbackDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " to " + to + ": at most " + MAX_DAYS + " days, in order");
        }
        Instant start = from.atStartOfDay(CENTER_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(CENTER_ZONE).toInstant();
        List<Row> requests = new ArrayList<>();
        for (Object[] r : em.createQuery("select r.createdAt, r.queueCode, r.status, r.lastOutcome from CallbackRequest r"
                + " where r.createdAt >= :s and r.createdAt < :e", Object[].class).setParameter("s", start).setParameter("e", end)
                .getResultList()) {
            requests.add(new Row((Instant) r[0], (String) r[1], (String) r[2], (String) r[3]));
        }
        List<Row> attempts = new ArrayList<>();
        for (Object[] a : em.createQuery("select a.dialledAt, r.queueCode, a.status, a.outcome from CallbackAttempt a, CallbackRequest r"
                + " where r.id = a.requestId and a.dialledAt >= :s and a.dialledAt < :e", Object[].class)
                .setParameter("s", start).setParameter("e", end).getResultList()) {
            attempts.add(new Row((Instant) a[0], (String) a[1], (String) a[2], (String) a[3]));
        }
        return count(requests, attempts);
    }

    /** A request (created, queue, status, last outcome) or a dialled attempt (dialled, queue, status, outcome). */
    record Row(Instant at, String queue, String status, String outcome) {
    }

    static List<CallbackDay> count(List<Row> requests, List<Row> attempts) {
        Map<String, long[]> totals = new TreeMap<>(); // "day queue" → requests, attempts, contacts, refused
        Map<String, Map<String, Long>> outcomes = new TreeMap<>();
        for (Row r : requests) {
            long[] t = totals.computeIfAbsent(key(r), k -> new long[4]);
            t[0]++;
            if ("FAILED".equals(r.status()) && ("DO_NOT_CALL".equals(r.outcome()) || "DIAL_REFUSED".equals(r.outcome()))) {
                t[3]++;
            }
        }
        for (Row a : attempts) {
            long[] t = totals.computeIfAbsent(key(a), k -> new long[4]);
            t[1]++;
            if ("ANSWERED".equals(a.outcome())) {
                t[2]++;
            }
            outcomes.computeIfAbsent(key(a), k -> new TreeMap<>())
                    .merge(a.outcome() == null ? a.status() : a.outcome(), 1L, Long::sum);
        }
        List<CallbackDay> days = new ArrayList<>();
        totals.forEach((k, t) -> {
            int space = k.indexOf(' ');
            days.add(new CallbackDay(LocalDate.parse(k.substring(0, space)), k.substring(space + 1), t[0], t[1], t[2],
                    outcomes.getOrDefault(k, Map.of()), t[3]));
        });
        return days;
    }

    private static String key(Row r) {
        return r.at().atZone(CENTER_ZONE).toLocalDate() + " " + (r.queue() == null ? "-" : r.queue());
    }
}
