package org.kefu.outbound;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.AcdException;
import org.kefu.acd.CallbackOutcomes;
import org.kefu.acd.CallbackRequest;
import org.kefu.acd.CallbackRequests;
import org.kefu.acd.CallbackTicket;
import org.kefu.acd.DialCheck;
import org.kefu.acd.DialPath;
import org.kefu.acd.DialRefused;
import org.kefu.acd.Offers;
import org.kefu.acd.routing.EnqueueResult;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Callbacks that are really made (issue 16). A job from kefu.callbacks becomes an attempt that
 * waits in its queue in the place of the caller's original enqueue time; when an agent is free
 * the ACD rings the agent's desk and dials the customer from it. The outcome (answered, busy, no
 * answer, rejected, invalid number, failed) is stored on the attempt and the request; a busy or
 * unanswered customer is tried again later, by a new job delivered after the retry interval,
 * until the attempts run out. Attempts are numbered per request and unique: a job delivered twice
 * never dials the same attempt twice.
 */
@Stateless
@LocalBean
@Local(CallbackOutcomes.class)
@PermitAll // local only: the job listener, the call event router, the ACD; the REST layer checks roles
public class CallbackDialer implements CallbackOutcomes {

    private static final Logger LOG = Logger.getLogger(CallbackDialer.class);
    static final int MAX_ATTEMPTS = Integer.getInteger("kefu.callbacks.maxAttempts", 3);
    static final Duration RETRY_AFTER = Duration.ofSeconds(Long.getLong("kefu.callbacks.retrySeconds", 600));
    /** When the queue cannot take the request now (nobody logged in, full): the job comes back after this. */
    static final Duration NO_AGENT_RETRY = Duration.ofSeconds(Long.getLong("kefu.callbacks.noAgentRetrySeconds", 60));
    /** Where a callback goes when its asker names no queue. */
    public static final String DEFAULT_QUEUE = System.getProperty("kefu.callbacks.defaultQueue", "hotline");
    private static final String SYSTEM = "kefu-callbacks";

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private Offers offers;

    @EJB
    private CallbackRequests jobs;

    @EJB
    private DialCheck dialPolicy;

    @EJB
    private AuditLog audit;

    @Inject
    private Event<CallbackAnswered> callbackAnswered;

    /**
     * A job arrived: its attempt joins the queue (or waits for its "not before", or for agents).
     * In the listener's transaction, with the receipt of the message.
     */
    public void accept(CallbackJob job) throws MalformedJob {
        Instant now = Instant.now();
        CallbackRequest request = requestOf(job, now);
        if (request.isFinished()) {
            LOG.infof("Callback job %s attempt %d: request %d is %s already; nothing to do", job.requestId(), job.attempt(),
                    request.getId(), request.getStatus());
            return;
        }
        if (job.notBefore() != null && job.notBefore().isAfter(now)) {
            jobs.enqueue(job.toJson(), job.requestId(), Duration.between(now, job.notBefore()));
            return;
        }
        Optional<CallbackAttempt> known = attempt(request.getId(), job.attempt());
        if (known.isPresent() && !"WAITING".equals(known.get().getStatus())) {
            LOG.infof("Callback job %s attempt %d delivered again: %s already", job.requestId(), job.attempt(),
                    known.get().getStatus());
            return;
        }
        String queue = request.getQueueCode() != null ? request.getQueueCode() : DEFAULT_QUEUE;
        try {
            dialPolicy.check(SYSTEM, Set.of("agent"), queue, job.phone(), DialPath.CALLBACK, null);
        } catch (DialRefused e) {
            if (e.retryAt() != null) {
                // Outside the calling hours: the same attempt comes back when they open, still in its place.
                request.outcome("QUEUED", e.code(), now);
                jobs.enqueue(job.toJson(), job.requestId(), until(e.retryAt(), now));
                LOG.infof("Callback request %d waits for the calling hours: %s", request.getId(), e.getMessage());
                return;
            }
            request.outcome("FAILED", refusal(e).name(), now);
            LOG.infof("Callback request %d refused by the dial policy: %s", request.getId(), e.getMessage());
            return;
        }
        CallbackAttempt attempt = known.orElseGet(() -> {
            CallbackAttempt a = new CallbackAttempt(request.getId(), job.attempt(), now);
            em.persist(a);
            return a;
        });
        request.attemptStarted(job.attempt(), now);
        em.flush(); // a second attempt row with this number fails here, before anything is dialled
        EnqueueResult.Outcome outcome;
        try {
            outcome = offers.enqueueCallback(new CallbackTicket(request.getId() + ":" + attempt.getAttemptNo(), job.phone(), queue,
                    request.getEnqueuedAt(), job.priority(),
                    request.getCustomerId() == null ? null : String.valueOf(request.getCustomerId())));
        } catch (AcdException e) {
            throw new MalformedJob("queue " + queue + ": " + e.getMessage());
        }
        if (outcome != EnqueueResult.Outcome.OFFERED && outcome != EnqueueResult.Outcome.QUEUED) {
            // Nobody serves the queue now: the same attempt comes back later, still in its place.
            LOG.infof("Callback request %d attempt %d: queue %s cannot take it now (%s); again in %s", request.getId(),
                    attempt.getAttemptNo(), queue, outcome, NO_AGENT_RETRY);
            jobs.enqueue(job.toJson(), job.requestId(), NO_AGENT_RETRY);
            return;
        }
        LOG.infof("Callback request %d attempt %d waits in %s since %s", request.getId(), attempt.getAttemptNo(), queue,
                request.getEnqueuedAt());
    }

    /** The agent answered at the desk and the customer's phone now rings. */
    public void dialling(String ref, String callRef, String agentJob) {
        dialled(ref, callRef, agentJob);
    }

    /** The customer answered: the request is done. */
    public void answered(String ref, String callRef, String agentJob) {
        dialled(ref, callRef, agentJob).ifPresent(a -> {
            ended(a, CallbackOutcome.ANSWERED);
            CallbackRequest request = em.find(CallbackRequest.class, a.getRequestId());
            if (request != null && request.getRequestKey() != null) {
                callbackAnswered.fire(new CallbackAnswered(request.getRequestKey(), agentJob));
            }
        });
    }

    /** The customer's phone failed: the outcome is stored, and another attempt follows if it may. */
    public void failed(String ref, String callRef, String agentJob, CallbackOutcome outcome) {
        dialled(ref, callRef, agentJob).ifPresent(a -> ended(a, outcome));
    }

    /**
     * The attempt {@code ref} names, dialling on {@code callRef}: a waiting one is marked dialled
     * now (also when the switch's ringing came unseen); empty when it ended or was cancelled.
     */
    private Optional<CallbackAttempt> dialled(String ref, String callRef, String agentJob) {
        Optional<CallbackAttempt> a = attempt(ref);
        if (a.isEmpty() || "ENDED".equals(a.get().getStatus()) || "CANCELLED".equals(a.get().getStatus())) {
            return Optional.empty();
        }
        if ("WAITING".equals(a.get().getStatus())) {
            Instant now = Instant.now();
            a.get().dialling(callRef, agentJob, now);
            CallbackRequest request = em.find(CallbackRequest.class, a.get().getRequestId());
            request.outcome("DIALLED", request.getLastOutcome(), now);
        }
        return a;
    }

    /** The call ended: an attempt still dialling (the agent hung up before the customer answered) failed. */
    public void callEnded(String callRef) {
        em.createQuery("select a from CallbackAttempt a where a.callRef = :ref and a.status = 'DIALLING'", CallbackAttempt.class)
                .setParameter("ref", callRef).getResultStream().findFirst().ifPresent(a -> ended(a, CallbackOutcome.FAILED));
    }

    @Override
    public void notDialled(String ref, String code, String why, Instant retryAt) {
        attempt(ref).filter(a -> "WAITING".equals(a.getStatus())).ifPresent(a -> {
            CallbackRequest request = em.find(CallbackRequest.class, a.getRequestId());
            if (retryAt != null) {
                // The calling hours closed while it waited: the same attempt, still WAITING, comes back when they open.
                Instant now = Instant.now();
                request.outcome("QUEUED", code, now);
                jobs.enqueue(jobOf(request, a.getAttemptNo()).toJson(), keyOf(request), until(retryAt, now));
                LOG.infof("Callback request %d attempt %d waits for the calling hours: %s", request.getId(), a.getAttemptNo(), why);
                return;
            }
            a.dialling(null, null, Instant.now());
            ended(a, "DO_NOT_CALL".equals(code) ? CallbackOutcome.DO_NOT_CALL : CallbackOutcome.DIAL_REFUSED);
        });
    }

    private static Duration until(Instant at, Instant now) {
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private static CallbackOutcome refusal(DialRefused e) {
        return "DO_NOT_CALL".equals(e.code()) ? CallbackOutcome.DO_NOT_CALL : CallbackOutcome.DIAL_REFUSED;
    }

    /** A supervisor or the back office withdraws a request: it leaves its queue and is never dialled again. */
    public boolean cancel(long requestId, String actor) {
        CallbackRequest request = em.find(CallbackRequest.class, requestId);
        if (request == null || request.isFinished()) {
            return false;
        }
        Instant now = Instant.now();
        for (CallbackAttempt a : attempts(requestId)) {
            if ("WAITING".equals(a.getStatus())) {
                offers.withdrawCallback(requestId + ":" + a.getAttemptNo());
                a.cancelled(now);
            }
        }
        request.outcome("CANCELLED", request.getLastOutcome(), now);
        audit.record(actor, "CALLBACK_CANCEL", String.valueOf(requestId), AuditOutcome.SUCCESS, null, null);
        return true;
    }

    /** The preview of the callback {@code ref} ("request:attempt") for the agent whose desk rings for it. */
    public Optional<CallbackPreview> preview(String ref) {
        return attempt(ref).map(a -> {
            CallbackRequest r = em.find(CallbackRequest.class, a.getRequestId());
            return new CallbackPreview(r.getId(), a.getAttemptNo(), MAX_ATTEMPTS, r.getPhone(), r.getReason(),
                    CallbackPreview.sourceOf(r.getRequestKey()), r.getEnqueuedAt(), r.getLastOutcome());
        });
    }

    public Optional<CallbackRequest> request(long id) {
        return Optional.ofNullable(em.find(CallbackRequest.class, id));
    }

    /** The newest requests, all or those in {@code status}. */
    public List<CallbackRequest> requests(String status, int limit) {
        if (status == null) {
            return em.createQuery("select r from CallbackRequest r order by r.id desc", CallbackRequest.class)
                    .setMaxResults(limit).getResultList();
        }
        return em.createQuery("select r from CallbackRequest r where r.status = :status order by r.id desc", CallbackRequest.class)
                .setParameter("status", status).setMaxResults(limit).getResultList();
    }

    public List<CallbackAttempt> attempts(long requestId) {
        return em.createQuery("select a from CallbackAttempt a where a.requestId = :r order by a.attemptNo", CallbackAttempt.class)
                .setParameter("r", requestId).getResultList();
    }

    /**
     * After a restart: attempts that waited in a queue wait again (their jobs come back); an
     * attempt that was being dialled when the server stopped failed, and the next one follows.
     */
    public int recover() {
        int resumed = 0;
        for (CallbackAttempt a : em.createQuery("select a from CallbackAttempt a where a.status in ('WAITING', 'DIALLING')",
                CallbackAttempt.class).getResultList()) {
            CallbackRequest request = em.find(CallbackRequest.class, a.getRequestId());
            if (request == null || request.isFinished()) {
                continue;
            }
            if ("DIALLING".equals(a.getStatus())) {
                ended(a, CallbackOutcome.FAILED);
            } else {
                jobs.enqueue(jobOf(request, a.getAttemptNo()).toJson(), keyOf(request), Duration.ofSeconds(5));
            }
            resumed++;
        }
        return resumed;
    }

    private void ended(CallbackAttempt a, CallbackOutcome outcome) {
        Instant now = Instant.now();
        a.ended(outcome, now);
        CallbackRequest request = em.find(CallbackRequest.class, a.getRequestId());
        if (outcome == CallbackOutcome.ANSWERED) {
            request.outcome("DONE", outcome.name(), now);
        } else if (outcome.worthRetrying() && a.getAttemptNo() < MAX_ATTEMPTS) {
            request.outcome("QUEUED", outcome.name(), now);
            jobs.enqueue(jobOf(request, a.getAttemptNo() + 1).toJson(), keyOf(request), RETRY_AFTER);
        } else {
            request.outcome("FAILED", outcome.name(), now);
        }
        LOG.infof("Callback request %d attempt %d: %s; the request is %s", request.getId(), a.getAttemptNo(), outcome,
                request.getStatus());
    }

    private static String keyOf(CallbackRequest r) {
        return r.getRequestKey() != null ? r.getRequestKey() : "acd:" + r.getId();
    }

    private static CallbackJob jobOf(CallbackRequest r, int attempt) {
        return new CallbackJob(keyOf(r), r.getPhone(), r.getQueueCode(), r.getEnqueuedAt(), null, r.getReason(),
                r.getCustomerId(), 0, attempt);
    }

    private CallbackRequest requestOf(CallbackJob job, Instant now) throws MalformedJob {
        Long acd = job.acdRequest();
        if (acd != null) {
            CallbackRequest r = em.find(CallbackRequest.class, acd);
            if (r == null) {
                throw new MalformedJob("no callback request " + job.requestId());
            }
            return r;
        }
        Optional<CallbackRequest> known = em.createQuery("select r from CallbackRequest r where r.requestKey = :k", CallbackRequest.class)
                .setParameter("k", job.requestId()).getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        CallbackRequest r = CallbackRequest.external(job.requestId(), job.phone(), job.queue() != null ? job.queue() : DEFAULT_QUEUE,
                job.customerId(), job.reason(), job.enqueuedAt(), job.notBefore());
        em.persist(r);
        em.flush();
        return r;
    }

    private Optional<CallbackAttempt> attempt(long requestId, int attemptNo) {
        return em.createQuery("select a from CallbackAttempt a where a.requestId = :r and a.attemptNo = :n", CallbackAttempt.class)
                .setParameter("r", requestId).setParameter("n", attemptNo).getResultStream().findFirst();
    }

    /** The attempt a ticket's ref ("42:1") names. */
    private Optional<CallbackAttempt> attempt(String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            return attempt(Long.parseLong(ref.substring(0, colon)), Integer.parseInt(ref.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
