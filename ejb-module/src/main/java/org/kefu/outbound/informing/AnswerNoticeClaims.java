package org.kefu.outbound.informing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.outbound.CallingHours;
import org.kefu.outbound.ChannelDown;
import org.kefu.outbound.DoNotCallEntry;
import org.kefu.outbound.DoNotCallList;
import org.kefu.outbound.MalformedJob;
import org.kefu.platform.WorkingDayCalendar;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketWorkflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The states of an answer notice around its sending, each committed on its own (REQUIRES_NEW), as
 * the dunning reminders' are: "being sent" is on record before the SMSC or the mail server is
 * asked, so a notice is sent at most once, and one whose fate a crash hid is UNCERTAIN.
 */
@Stateless
@PermitAll // local only: the notices' job listener
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AnswerNoticeClaims {

    private static final Logger LOG = Logger.getLogger(AnswerNoticeClaims.class);
    static final int MAX_TRIES = Integer.getInteger("kefu.dunning.maxTries", 5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(Long.getLong("kefu.dunning.retrySeconds", 60));
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);
    /** Who informed the customer, in the ticket's history and the audit trail. */
    static final String ACTOR = "kefu-notice";

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private DoNotCallList doNotCall;

    @EJB
    private WorkingDayCalendar calendar;

    @EJB
    private AnswerNotices notices;

    @EJB
    private TicketWorkflow workflow;

    /** A notice claimed for sending: where to, and its words. */
    public record Claim(long id, AnswerChannel channel, String to, AnswerText text) {
    }

    /**
     * Claims a queued notice for sending, or says why not (settled already, the ticket reopened
     * or informed meanwhile, the number on the do-not-call list, outside the hours for SMS: then it
     * waits for them).
     */
    public Optional<Claim> claim(long id) throws MalformedJob {
        Instant now = Instant.now();
        AnswerNotice notice = em.find(AnswerNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || notice.getChannel() == AnswerChannel.CALL) {
            throw new MalformedJob("no answer notice " + id + " to send");
        }
        if (AnswerNotice.SENDING.equals(notice.getStatus())) {
            notice.settle(AnswerNotice.UNCERTAIN, "found being sent after a failure: perhaps sent, not sent again", null, now);
            LOG.warnf("Answer notice %d was being sent when the server or its transaction failed: marked UNCERTAIN", id);
            return Optional.empty();
        }
        if (!AnswerNotice.QUEUED.equals(notice.getStatus())) {
            return Optional.empty();
        }
        Ticket ticket = em.find(Ticket.class, notice.getTicketId());
        if (ticket.getStatus() != TicketStatus.ANSWERED || ticket.getReopenCount() != notice.getRound()) {
            notice.settle(AnswerNotice.FAILED, "NOT_NEEDED: the ticket is " + ticket.getStatus() + " now", null, now);
            return Optional.empty();
        }
        Optional<DoNotCallEntry> listed = notice.getChannel() == AnswerChannel.SMS ? doNotCall.forbidding(notice.getAddress())
                : notice.getCustomerId() == null ? Optional.empty() : doNotCall.forbiddingCustomer(notice.getCustomerId());
        if (listed.isPresent()) {
            notice.settle(AnswerNotice.REFUSED, "DO_NOT_CALL: " + listed.get().getReason(), null, now);
            return Optional.empty();
        }
        if (notice.getChannel() == AnswerChannel.SMS) {
            CallingHours hours = CallingHours.fromSystemProperties();
            if (!hours.open(now, calendar)) {
                Optional<Instant> opening = hours.nextOpening(now, calendar);
                if (opening.isEmpty()) {
                    notice.settle(AnswerNotice.FAILED, "CALLING_HOURS: none in the next 60 days", null, now);
                } else {
                    notice.settle(AnswerNotice.QUEUED, "CALLING_HOURS", null, now);
                    notices.enqueue(id, Duration.between(now, opening.get()));
                }
                return Optional.empty();
            }
        }
        notice.claim(now);
        return Optional.of(new Claim(id, notice.getChannel(), notice.getAddress(),
                AnswerText.of(notice.getLanguage(), ticket.getId(), ticket.getSubject(), ticket.getResolution())));
    }

    /** The SMSC or mail server took it: the customer counts as told, and the ticket is INFORMED. */
    public void sent(long id, String providerRef) {
        AnswerNotice notice = em.find(AnswerNotice.class, id);
        notice.settle(AnswerNotice.SENT, null, providerRef, Instant.now());
        if (!workflow.informed(notice.getTicketId(), notice.getRound(), ACTOR,
                "by " + notice.getChannel() + " (notice " + id + ")")) {
            LOG.infof("Answer notice %d sent; ticket %d was no longer waiting to be informed", id, notice.getTicketId());
        }
    }

    /** It was not taken: again after a growing pause while tries are left and it may help, else failed. */
    public void notSent(long id, ChannelDown why) {
        AnswerNotice notice = em.find(AnswerNotice.class, id);
        Instant now = Instant.now();
        if (why.retry() && notice.getTries() < MAX_TRIES) {
            Duration pause = RETRY_AFTER.multipliedBy(1L << Math.min(notice.getTries() - 1, 10));
            notice.settle(AnswerNotice.QUEUED, "RETRY: " + why.getMessage(), null, now);
            notices.enqueue(id, pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause);
        } else {
            notice.settle(AnswerNotice.FAILED, why.getMessage(), null, now);
        }
    }
}
