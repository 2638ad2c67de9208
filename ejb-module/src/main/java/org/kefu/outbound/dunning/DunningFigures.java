package org.kefu.outbound.dunning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.outbound.CallingHours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dunning figures per day and channel (issue 16 item 6), in the centre's time zone. A bill paid
 * after reminders counts once, for the last reminder that reached the customer (sent, or perhaps
 * sent) before the payment.
 */
@Stateless
@RolesAllowed({"supervisor", "admin"})
public class DunningFigures {

    /** A longer span is a report, not a query on the live tables. */
    public static final int MAX_DAYS = 31;
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @PersistenceContext(unitName = "ledger")
    private EntityManager ledger;

    /** From {@code from} to {@code to} inclusive, oldest day first, channels by name; days without reminders left out. */
    public List<DunningDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " to " + to + ": at most " + MAX_DAYS + " days, in order");
        }
        Instant start = from.atStartOfDay(CallingHours.CENTER_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(CallingHours.CENTER_ZONE).toInstant();
        List<Reminder> reminders = new ArrayList<>();
        for (Object[] r : em.createQuery("select n.billNumber, n.createdAt, n.channel, n.status, n.outcome from DunningNotice n"
                + " where n.createdAt >= :s and n.createdAt < :e", Object[].class).setParameter("s", start).setParameter("e", end)
                .getResultList()) {
            reminders.add(new Reminder((String) r[0], (Instant) r[1], ((NoticeChannel) r[2]).name(), (String) r[3], (String) r[4]));
        }
        List<String> bills = reminders.stream().map(Reminder::bill).distinct().toList();
        Map<String, Payment> payments = new HashMap<>();
        for (int i = 0; i < bills.size(); i += CHUNK) {
            for (Object[] p : ledger.createQuery("select b.billNumber, b.paidAt, b.amount from UtilityBill b"
                            + " where b.billNumber in :bills and b.status = 'PAID'", Object[].class)
                    .setParameter("bills", bills.subList(i, Math.min(bills.size(), i + CHUNK))).getResultList()) {
                payments.put((String) p[0], new Payment((Instant) p[1], (BigDecimal) p[2]));
            }
        }
        // Only reminders in the span are read: a bill reminded again after `to` and paid after that
        // counts here for its last reminder in the span.
        return count(reminders, payments);
    }

    /** A reminder as counted: its bill, when it was made, channel, status, and a call's outcome (or null). */
    record Reminder(String bill, Instant at, String channel, String status, String outcome) {
        Reminder(String bill, Instant at, String channel, String status) {
            this(bill, at, channel, status, null);
        }
    }

    /** A bill's payment: when, how much. */
    record Payment(Instant at, BigDecimal amount) {
    }

    static List<DunningDay> count(List<Reminder> reminders, Map<String, Payment> payments) {
        Map<String, long[]> totals = new TreeMap<>(); // "day channel" → reminders, sent, waiting, failed, refused, cancelled, uncertain, paid, promised
        Map<String, BigDecimal> collected = new TreeMap<>();
        for (Reminder r : reminders) {
            long[] t = totals.computeIfAbsent(key(r), k -> new long[9]);
            t[0]++;
            if (ReminderAnswers.PROMISED.equals(r.outcome())) {
                t[8]++;
            }
            switch (r.status()) {
                case DunningNotice.SENT -> t[1]++;
                case DunningNotice.QUEUED, DunningNotice.SENDING -> t[2]++;
                case DunningNotice.FAILED -> t[3]++;
                case DunningNotice.REFUSED -> t[4]++;
                case DunningNotice.CANCELLED -> t[5]++;
                case DunningNotice.UNCERTAIN -> t[6]++;
                default -> { }
            }
        }
        Map<String, List<Reminder>> byBill = new HashMap<>();
        reminders.stream().filter(r -> DunningNotice.SENT.equals(r.status()) || DunningNotice.UNCERTAIN.equals(r.status()))
                .forEach(r -> byBill.computeIfAbsent(r.bill(), b -> new ArrayList<>()).add(r));
        byBill.forEach((bill, list) -> {
            Payment paid = payments.get(bill);
            if (paid == null || paid.at() == null) {
                return;
            }
            list.stream().filter(r -> r.at().isBefore(paid.at())).max(Comparator.comparing(Reminder::at)).ifPresent(last -> {
                totals.get(key(last))[7]++;
                collected.merge(key(last), paid.amount(), BigDecimal::add);
            });
        });
        List<DunningDay> days = new ArrayList<>();
        totals.forEach((k, t) -> {
            int space = k.indexOf(' ');
            days.add(new DunningDay(LocalDate.parse(k.substring(0, space)), k.substring(space + 1), t[0], t[1], t[2], t[3], t[4],
                    t[5], t[6], t[7], collected.getOrDefault(k, BigDecimal.ZERO.setScale(2)), t[8]));
        });
        return days;
    }

    private static String key(Reminder r) {
        return r.at().atZone(CallingHours.CENTER_ZONE).toLocalDate() + " " + r.channel();
    }
}
