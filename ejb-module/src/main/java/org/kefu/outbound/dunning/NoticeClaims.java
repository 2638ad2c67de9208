package org.kefu.outbound.dunning;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.banking.UtilityBill;
import org.kefu.crm.Customer;
import org.kefu.outbound.CallingHours;
import org.kefu.outbound.DoNotCallEntry;
import org.kefu.outbound.DoNotCallList;
import org.kefu.outbound.ChannelDown;
import org.kefu.outbound.MalformedJob;
import org.kefu.platform.WorkingDayCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The states of a reminder around its sending, each committed on its own (REQUIRES_NEW) so that
 * "being sent" is on record before the SMSC or the mail server is asked: a reminder is sent at
 * most once, and one whose fate a crash hid is marked UNCERTAIN, never sent again.
 */
@Stateless
@PermitAll // local only: the dunning delivery
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeClaims {

    private static final Logger LOG = Logger.getLogger(NoticeClaims.class);
    static final int MAX_TRIES = Integer.getInteger("kefu.dunning.maxTries", 5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(Long.getLong("kefu.dunning.retrySeconds", 60));
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @PersistenceContext(unitName = "ledger")
    private EntityManager ledger;

    @EJB
    private DoNotCallList doNotCall;

    @EJB
    private WorkingDayCalendar calendar;

    @EJB
    private DunningJobs jobs;

    /** A reminder claimed for sending: where to, and its words. */
    public record Claim(long id, NoticeChannel channel, String to, NoticeText text) {
    }

    /**
     * Claims a queued reminder for sending, or says why not (already settled, paid meanwhile, on
     * the do-not-call list, outside the hours for SMS: then it waits for them).
     */
    public Optional<Claim> claim(long id) throws MalformedJob {
        Instant now = Instant.now();
        DunningNotice notice = em.find(DunningNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            throw new MalformedJob("no dunning notice " + id);
        }
        if (DunningNotice.SENDING.equals(notice.getStatus())) {
            notice.settle(DunningNotice.UNCERTAIN, "found being sent after a failure: perhaps sent, not sent again", null, now);
            LOG.warnf("Dunning notice %d was being sent when the server or its transaction failed: marked UNCERTAIN", id);
            return Optional.empty();
        }
        if (!DunningNotice.QUEUED.equals(notice.getStatus())) {
            LOG.infof("Dunning notice %d delivered again: %s already", id, notice.getStatus());
            return Optional.empty();
        }
        UtilityBill bill = ledger.find(UtilityBill.class, notice.getBillNumber());
        if (bill == null || bill.isPaid()) {
            notice.settle(DunningNotice.CANCELLED, bill == null ? "BILL_GONE" : "PAID", null, now);
            return Optional.empty();
        }
        // A call: neither the number nor the customer may be listed; a text: the number it goes to; an e-mail: the customer.
        Optional<DoNotCallEntry> listed = switch (notice.getChannel()) {
            case VOICE -> doNotCall.forbidding(notice.getAddress()).or(() -> doNotCall.forbiddingCustomer(notice.getCustomerId()));
            case SMS -> doNotCall.forbidding(notice.getAddress());
            case EMAIL -> doNotCall.forbiddingCustomer(notice.getCustomerId());
        };
        if (listed.isPresent()) {
            notice.settle(DunningNotice.REFUSED, "DO_NOT_CALL: " + listed.get().getReason(), null, now);
            return Optional.empty();
        }
        if (notice.getChannel() != NoticeChannel.EMAIL) {
            CallingHours hours = CallingHours.fromSystemProperties();
            if (!hours.open(now, calendar)) {
                Optional<Instant> opening = hours.nextOpening(now, calendar);
                if (opening.isEmpty()) {
                    notice.settle(DunningNotice.FAILED, "CALLING_HOURS: none in the next " + 60 + " days", null, now);
                } else {
                    notice.settle(DunningNotice.QUEUED, "CALLING_HOURS", null, now);
                    jobs.enqueue(id, Duration.between(now, opening.get()));
                }
                return Optional.empty();
            }
        }
        Customer customer = em.find(Customer.class, notice.getCustomerId());
        notice.claim(now);
        return Optional.of(new Claim(id, notice.getChannel(), notice.getAddress(), NoticeText.of(customer.getLanguage(),
                customer.getName(), notice.getPeriod(), notice.getAmount(), notice.getDueDate(), notice.getBillNumber())));
    }

    /** The SMSC or mail server took it. */
    public void sent(long id, String providerRef) {
        em.find(DunningNotice.class, id).settle(DunningNotice.SENT, null, providerRef, Instant.now());
    }

    /** The customer's phone rings for a voice reminder: the call's id, the reminder still SENDING. */
    public void dialled(long id, String callRef) {
        DunningNotice notice = em.find(DunningNotice.class, id);
        notice.settle(notice.getStatus(), null, callRef, Instant.now());
    }

    /** The customer answered the reminder's call: it reached them. False when it was settled already. */
    public boolean answered(long id, String callRef) {
        DunningNotice notice = em.find(DunningNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || !DunningNotice.SENDING.equals(notice.getStatus())) {
            return false;
        }
        notice.settle(DunningNotice.SENT, null, callRef, Instant.now());
        return true;
    }

    /** The reminder's call was not answered (busy, no answer, refused): as a channel that did not take it. */
    public void unanswered(long id, ChannelDown why) {
        DunningNotice notice = em.find(DunningNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice != null && DunningNotice.SENDING.equals(notice.getStatus())) {
            notSent(id, why);
        }
    }

    /**
     * After a restart: a voice reminder still SENDING was ringing or talking when the server
     * stopped; whether it reached the customer is unknown, so it is UNCERTAIN and not called again.
     */
    public int callsCutShort() {
        Instant now = Instant.now();
        List<DunningNotice> cut = em.createQuery("select n from DunningNotice n where n.status = 'SENDING'"
                + " and n.channel = org.kefu.outbound.dunning.NoticeChannel.VOICE", DunningNotice.class).getResultList();
        cut.forEach(n -> n.settle(DunningNotice.UNCERTAIN, "the server stopped during the reminder's call: not called again", null, now));
        return cut.size();
    }

    /** It was not taken: again after a growing pause while tries are left and it may help, else failed. */
    public void notSent(long id, ChannelDown why) {
        DunningNotice notice = em.find(DunningNotice.class, id);
        Instant now = Instant.now();
        if (why.retry() && notice.getTries() < MAX_TRIES) {
            Duration pause = RETRY_AFTER.multipliedBy(1L << Math.min(notice.getTries() - 1, 10));
            notice.settle(DunningNotice.QUEUED, "RETRY: " + why.getMessage(), null, now);
            jobs.enqueue(id, pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause);
        } else {
            notice.settle(DunningNotice.FAILED, why.getMessage(), null, now);
        }
    }
}
