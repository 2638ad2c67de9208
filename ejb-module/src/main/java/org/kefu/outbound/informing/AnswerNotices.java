package org.kefu.outbound.informing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.CallbackRequest;
import org.kefu.acd.CallbackRequests;
import org.kefu.crm.Customer;
import org.kefu.crm.CustomerPhone;
import org.kefu.outbound.CallbackAnswered;
import org.kefu.outbound.CallbackDialer;
import org.kefu.outbound.CallbackJob;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.dialplan.NumberClassifier;
import org.kefu.tickets.TicketAnswered;
import org.kefu.tickets.TicketWorkflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The closed loop's first half (issue 17): when a ticket is answered, in that same transaction,
 * the customer is to be told by their preference ({@link AnswerChannel}): an SMS or e-mail job on
 * kefu.tickets.notices, or a callback job on kefu.callbacks that puts an agent through to them with
 * the answer to read. The ticket becomes INFORMED when the SMS or e-mail reached its provider, or
 * when the callback reached the customer.
 */
@Stateless
@PermitAll // local only: fired and observed inside Kefu
public class AnswerNotices {

    private static final Logger LOG = Logger.getLogger(AnswerNotices.class);
    /** Request keys of the callbacks that tell an answer: "ticket:<number>-<round>". */
    static final String CALLBACK_KEY = "ticket:";

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/notices")
    private Queue notices;

    @EJB
    private CallbackRequests callbacks;

    @EJB
    private TicketWorkflow workflow;

    /** A ticket was answered: how to tell the customer is decided and set going, in the answering transaction. */
    public void onAnswered(@Observes TicketAnswered answered) {
        Customer customer = answered.customerId() == null ? null : em.find(Customer.class, answered.customerId());
        String caller = answered.callerPhone() == null || answered.callerPhone().isBlank() ? null : answered.callerPhone().strip();
        NumberCategory callerKind = caller == null ? null : NumberClassifier.classify(caller);
        String mobile = customer == null ? null : customer.getPhones().stream().filter(p -> "MOBILE".equals(p.getKind()))
                .map(CustomerPhone::getPhone).findFirst().orElse(null);
        if (mobile == null && callerKind == NumberCategory.MOBILE) {
            mobile = caller;
        }
        String callBack = callerKind == NumberCategory.MOBILE || callerKind == NumberCategory.LANDLINE ? caller
                : customer == null ? null : customer.getPhones().stream().map(CustomerPhone::getPhone).findFirst().orElse(null);
        Optional<AnswerChannel.Address> to = AnswerChannel.choose(customer == null ? null : customer.getNoticeChannel(), mobile,
                customer == null ? null : customer.getEmail(), callBack);
        if (to.isEmpty()) {
            LOG.infof("Ticket %d answered: no number or address to tell the customer by; the centre informs them", answered.ticket());
            return;
        }
        Instant now = Instant.now();
        String language = customer == null ? null : customer.getLanguage();
        AnswerNotice notice = new AnswerNotice(answered.ticket(), answered.round(), answered.customerId(), to.get(), language, now);
        em.persist(notice);
        em.flush();
        if (to.get().channel() == AnswerChannel.CALL) {
            String key = CALLBACK_KEY + answered.ticket() + "-" + answered.round();
            String reason = AnswerText.of(language, answered.ticket(), answered.subject(), answered.answer()).callbackReason();
            em.persist(CallbackRequest.external(key, to.get().to(), CallbackDialer.DEFAULT_QUEUE, answered.customerId(), reason, now, null));
            callbacks.enqueue(new CallbackJob(key, to.get().to(), CallbackDialer.DEFAULT_QUEUE, now, null, reason,
                    answered.customerId(), 0, 1).toJson(), key);
            notice.settle(AnswerNotice.CALLBACK, null, key, now);
        } else {
            enqueue(notice.getId(), Duration.ZERO);
        }
        LOG.infof("Ticket %d answered: the customer is told by %s (notice %d)", answered.ticket(), to.get().channel(), notice.getId());
    }

    /** A callback reached the customer: if it was one telling a ticket's answer, the ticket is INFORMED. */
    public void onCallbackAnswered(@Observes CallbackAnswered answered) {
        if (answered.requestKey() == null || !answered.requestKey().startsWith(CALLBACK_KEY)) {
            return;
        }
        em.createQuery("SELECT n FROM AnswerNotice n WHERE n.providerRef = :k AND n.status = :s", AnswerNotice.class)
                .setParameter("k", answered.requestKey()).setParameter("s", AnswerNotice.CALLBACK).getResultStream().findFirst()
                .ifPresent(n -> {
                    n.settle(AnswerNotice.SENT, null, null, Instant.now());
                    String agent = answered.agent() == null ? "kefu-callbacks" : answered.agent();
                    workflow.informed(n.getTicketId(), n.getRound(), agent, "called back by " + agent);
                });
    }

    /** Puts the job of sending notice {@code noticeId} on kefu.tickets.notices, in the caller's transaction. */
    public void enqueue(long noticeId, Duration delay) {
        jms.createProducer().setProperty("kefu_type", AnswerNoticeJob.TYPE).setJMSCorrelationID("ticket-answer:" + noticeId)
                .setDeliveryDelay(Math.max(0, delay.toMillis())).send(notices, new AnswerNoticeJob(noticeId).toJson());
    }

    /** How the customer was (or is being) told a ticket's answers, oldest first. */
    public List<AnswerNotice> of(long ticket) {
        return em.createQuery("SELECT n FROM AnswerNotice n WHERE n.ticketId = :t ORDER BY n.round, n.id", AnswerNotice.class)
                .setParameter("t", ticket).getResultList();
    }
}
