package org.kefu.outbound.dunning;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kefu.banking.UtilityBill;
import org.kefu.crm.Customer;
import org.kefu.outbound.CallingHours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the customer did in a voice reminder's call: the reminder read out, a payment made, an
 * agent asked for, a date promised. Each answer holds only for the call the reminder was placed
 * on (its id is the reminder's provider reference once answered): a flow, or another call, that
 * names a reminder cannot read or change it.
 */
@Stateless
@PermitAll // local only: the IVR's dunning operations
public class ReminderAnswers {

    public static final String PAID = "PAID";
    public static final String PROMISED = "PROMISED";
    public static final String AGENT = "AGENT";
    /** How far ahead a customer may promise to pay, in days. */
    static final int MAX_PROMISE_DAYS = Integer.getInteger("kefu.dunning.maxPromiseDays", 30);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @PersistenceContext(unitName = "ledger")
    private EntityManager ledger;

    /** The reminder as the flow speaks it. */
    public record Reminder(String utilityCustomer, String billNumber, BigDecimal amount, LocalDate dueDate, String language) {
    }

    /** The reminder {@code id} if {@code callRef} is its answered call. */
    public Optional<Reminder> inCall(long id, String callRef) {
        return notice(id, callRef, false).flatMap(n -> {
            UtilityBill bill = ledger.find(UtilityBill.class, n.getBillNumber());
            if (bill == null) {
                return Optional.empty();
            }
            Customer customer = em.find(Customer.class, n.getCustomerId());
            return Optional.of(new Reminder(bill.getUtilityCustomer(), n.getBillNumber(), n.getAmount(), n.getDueDate(),
                    customer == null ? null : customer.getLanguage()));
        });
    }

    /**
     * Records PAID (only once the ledger shows the bill paid) or AGENT; a payment is never
     * overwritten by a later choice. False when the call is not the reminder's or PAID is not true.
     */
    public boolean outcome(long id, String callRef, String what) {
        Optional<DunningNotice> n = notice(id, callRef, true);
        if (n.isEmpty() || !PAID.equals(what) && !AGENT.equals(what)) {
            return false;
        }
        if (PAID.equals(what)) {
            UtilityBill bill = ledger.find(UtilityBill.class, n.get().getBillNumber());
            if (bill == null || !bill.isPaid()) {
                return false;
            }
        } else if (PAID.equals(n.get().getOutcome())) {
            return true;
        }
        n.get().outcome(what, null, Instant.now());
        return true;
    }

    /**
     * A promise to pay by {@code date}: after today (Asia/Shanghai) and at most
     * {@code kefu.dunning.maxPromiseDays} (30) ahead. Empty when the date is refused or the call is not the reminder's.
     */
    public Optional<LocalDate> promise(long id, String callRef, LocalDate date) {
        LocalDate today = LocalDate.now(CallingHours.CENTER_ZONE);
        if (date == null || !date.isAfter(today) || date.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
            return Optional.empty();
        }
        Optional<DunningNotice> n = notice(id, callRef, true);
        n.ifPresent(notice -> notice.outcome(PROMISED, date, Instant.now()));
        return n.map(notice -> date);
    }

    private Optional<DunningNotice> notice(long id, String callRef, boolean lock) {
        DunningNotice n = lock ? em.find(DunningNotice.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(DunningNotice.class, id);
        if (n == null || callRef == null || n.getChannel() != NoticeChannel.VOICE || !DunningNotice.SENT.equals(n.getStatus())
                || !callRef.equals(n.getProviderRef())) {
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
