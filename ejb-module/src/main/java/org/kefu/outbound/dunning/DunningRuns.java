package org.kefu.outbound.dunning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.banking.UtilityBill;
import org.kefu.crm.Customer;
import org.kefu.outbound.CallingHours;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dunning (欠费催缴, issue 16) by rule: every unpaid utility bill past its due date (in
 * Asia/Shanghai) whose utility customer Kefu knows gets a reminder, by SMS, e-mail or a call as
 * the customer chose (a call also once {@code kefu.dunning.voiceAfter} (2) written ones went
 * unheeded), unless the customer promised in a reminder's call to pay by a day not yet past, or one went out within {@code kefu.dunning.intervalDays} (7) or the bill
 * has had {@code kefu.dunning.maxRemindersPerBill} (3). A reminder is a row and a job on
 * kefu.dunning, written in one XA transaction: a run that fails leaves neither.
 */
@Stateless
public class DunningRuns {

    private static final Logger LOG = Logger.getLogger(DunningRuns.class);
    static final int INTERVAL_DAYS = Integer.getInteger("kefu.dunning.intervalDays", 7);
    static final int MAX_PER_BILL = Integer.getInteger("kefu.dunning.maxRemindersPerBill", 3);
    /** Written reminders a bill has before the next one is a call (where the customer has a phone); 0: never. */
    static final int VOICE_AFTER = Integer.getInteger("kefu.dunning.voiceAfter", 2);
    static final int MAX_PER_RUN = Integer.getInteger("kefu.dunning.maxPerRun", 10_000);
    private static final int CHUNK = 500; // IN lists stay well inside every database's limit

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @PersistenceContext(unitName = "ledger")
    private EntityManager ledger;

    @EJB
    private DunningJobs jobs;

    @EJB
    private AuditLog audit;

    @RolesAllowed({"supervisor", "admin"})
    public DunningRun run(String actor, String sourceAddress) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, CallingHours.CENTER_ZONE);
        List<OverdueBill> bills = ledger.createQuery("select b from UtilityBill b where b.status = 'UNPAID' and b.dueDate < :today"
                        + " order by b.dueDate, b.billNumber", UtilityBill.class)
                .setParameter("today", today).setMaxResults(MAX_PER_RUN).getResultStream()
                .map(b -> new OverdueBill(b.getBillNumber(), b.getUtilityCustomer(), b.getBillingPeriod(), b.getAmount(), b.getDueDate()))
                .toList();
        Map<String, Long> customers = new HashMap<>();
        Map<String, Earlier> earlier = new HashMap<>();
        for (int i = 0; i < bills.size(); i += CHUNK) {
            List<OverdueBill> chunk = bills.subList(i, Math.min(bills.size(), i + CHUNK));
            customers.putAll(customersOf(chunk.stream().map(OverdueBill::utilityCustomer).distinct().toList()));
            List<String> numbers = chunk.stream().map(OverdueBill::billNumber).toList();
            earlier.putAll(earlierReminders(numbers, today));
        }
        int queued = 0;
        int recent = 0;
        int limit = 0;
        int noContact = 0;
        int promised = 0;
        List<DunningNotice> made = new ArrayList<>();
        LocalDate intervalStart = today.minusDays(INTERVAL_DAYS - 1L);
        for (OverdueBill bill : bills) {
            Earlier before = earlier.getOrDefault(bill.billNumber(), Earlier.NONE);
            if (before.promisedOn() != null && !before.promisedOn().isBefore(today)) {
                promised++; // the customer keeps the word given in a reminder's call until the day is past
                continue;
            }
            if (before.count() >= MAX_PER_BILL) {
                limit++;
                continue;
            }
            if (before.today()
                    || before.last() != null && !LocalDate.ofInstant(before.last(), CallingHours.CENTER_ZONE).isBefore(intervalStart)) {
                recent++;
                continue;
            }
            Long customerId = customers.get(bill.utilityCustomer());
            Optional<NoticeChannel.Address> to = customerId == null ? Optional.empty()
                    : NoticeChannel.addressOf(em.find(Customer.class, customerId), VOICE_AFTER > 0 && before.written() >= VOICE_AFTER);
            if (to.isEmpty()) {
                noContact++;
                continue;
            }
            DunningNotice notice = new DunningNotice(bill, customerId, to.get(), today, actor, now);
            em.persist(notice);
            made.add(notice);
            queued++;
        }
        em.flush(); // ids, and the one-per-bill-and-day key, before any job names them
        for (DunningNotice notice : made) {
            jobs.enqueue(notice.getId(), Duration.ZERO);
        }
        DunningRun run = new DunningRun(bills.size(), queued, recent, limit, noContact, promised);
        audit.record(actor, "DUNNING_RUN", "utility-bills", AuditOutcome.SUCCESS, run.toString(), sourceAddress);
        LOG.infof("Dunning run by %s: %s", actor, run);
        return run;
    }

    /** Reminders of one day (Asia/Shanghai), optionally in one status, oldest first; at most 1,000. */
    @RolesAllowed({"supervisor", "admin"})
    public List<DunningNotice> reminders(LocalDate day, String status) {
        Instant from = day.atStartOfDay(CallingHours.CENTER_ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CallingHours.CENTER_ZONE).toInstant();
        return em.createQuery("select n from DunningNotice n where n.createdAt >= :from and n.createdAt < :to"
                        + " and (:status is null or n.status = :status) order by n.id", DunningNotice.class)
                .setParameter("from", from).setParameter("to", to).setParameter("status", status)
                .setMaxResults(1_000).getResultList();
    }

    private Map<String, Long> customersOf(List<String> utilityCustomers) {
        Map<String, Long> found = new HashMap<>();
        em.createQuery("select a.accountNumber, c.id from Customer c join c.accounts a where a.kind = 'UTILITY'"
                        + " and a.accountNumber in :numbers", Object[].class)
                .setParameter("numbers", utilityCustomers).getResultList()
                .forEach(row -> found.putIfAbsent((String) row[0], (Long) row[1]));
        return found;
    }

    /**
     * What the reminders of each bill say for this run, in one query per chunk: those that count
     * (sent, being sent, waiting, or perhaps sent), how many of them were written, the last; the
     * latest date promised in a reminder's call; whether one was made today in any state (the key
     * allows one per bill and day).
     */
    private Map<String, Earlier> earlierReminders(List<String> billNumbers, LocalDate today) {
        Map<String, Earlier> found = new HashMap<>();
        String counts = "n.status in ('QUEUED', 'SENDING', 'SENT', 'UNCERTAIN')";
        em.createQuery("select n.billNumber, sum(case when " + counts + " then 1 else 0 end),"
                        + " max(case when " + counts + " then n.createdAt end),"
                        + " sum(case when " + counts + " and n.channel <> org.kefu.outbound.dunning.NoticeChannel.VOICE then 1 else 0 end),"
                        + " max(n.promisedOn), max(n.createdAt)"
                        + " from DunningNotice n where n.billNumber in :bills group by n.billNumber", Object[].class)
                .setParameter("bills", billNumbers).getResultList()
                .forEach(row -> found.put((String) row[0], new Earlier(((Number) row[1]).intValue(), (Instant) row[2],
                        ((Number) row[3]).intValue(), (LocalDate) row[4], !((Instant) row[5]).isBefore(today.atStartOfDay(CallingHours.CENTER_ZONE).toInstant()))));
        return found;
    }

    /**
     * @param count     reminders that count; {@code last} the latest of them
     * @param written   how many of them were SMS or e-mail
     * @param promisedOn the latest day promised in a reminder's call, or null
     * @param today     a reminder was made today, in any state
     */
    private record Earlier(int count, Instant last, int written, LocalDate promisedOn, boolean today) {
        static final Earlier NONE = new Earlier(0, null, 0, null, false);
    }
}
