package org.kefu.outbound;

import org.kefu.platform.RequestBudget;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.acd.CallbackRequest;
import org.kefu.acd.CallbackRequests;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.dialplan.NumberClassifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "Call me back" from the public web (issue 16): anyone may ask, so the door is narrow. Only a
 * mobile or landline number in China is called back (never a service, premium, carrier-prefixed or
 * international number); one request per number waits at a time and at most
 * {@code kefu.callbacks.publicPerNumberPerDay} (3) are taken per number a day, so that the form
 * cannot be used to have Kefu ring somebody over and over; an address may ask
 * {@code kefu.callbacks.publicPerHour} (5) times an hour, refused attempts included. The request
 * is stored at once (the one-waiting check is exact) and its job goes on kefu.callbacks in the
 * same transaction; from there it is dialled like every other callback.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // the public REST form; the checks are here
public class PublicCallbacks {

    private static final Logger LOG = Logger.getLogger(PublicCallbacks.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Set<NumberCategory> CALLED_BACK = Set.of(NumberCategory.MOBILE, NumberCategory.LANDLINE);
    private static final Duration LONGEST_DELAY = Duration.ofDays(7);

    static final int PER_NUMBER_PER_DAY = Integer.getInteger("kefu.callbacks.publicPerNumberPerDay", 3);
    static final Set<String> QUEUES = Arrays.stream(System.getProperty("kefu.callbacks.publicQueues", "hotline,utilities").split(","))
            .map(String::strip).filter(q -> !q.isEmpty()).collect(Collectors.toUnmodifiableSet());

    private final RequestBudget budget = new RequestBudget(Clock.systemUTC(), Integer.getInteger("kefu.callbacks.publicPerHour", 5),
            Duration.ofHours(1), 10_000);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private CallbackRequests jobs;

    /** Takes a request; returns its reference ("web:…"). */
    public String submit(String phone, String reason, String queue, Instant notBefore, String source) throws CallbackRefused {
        Optional<Duration> wait = budget.spend(source == null ? "?" : source);
        if (wait.isPresent()) {
            throw new CallbackRefused(CallbackRefused.Kind.TOO_MANY, "too many requests from this address; try again later",
                    wait.get());
        }
        String number = phone == null ? "" : phone.strip();
        if (!PHONE.matcher(number).matches()) {
            throw new CallbackRefused(CallbackRefused.Kind.INVALID, "phone must be 3 to 20 digits", null);
        }
        NumberCategory category = NumberClassifier.classify(number);
        if (!CALLED_BACK.contains(category)) {
            throw new CallbackRefused(CallbackRefused.Kind.NOT_ALLOWED, "Kefu calls back mobile and landline numbers in China only", null);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && (why.length() > 200 || why.codePoints().anyMatch(Character::isISOControl))) {
            throw new CallbackRefused(CallbackRefused.Kind.INVALID, "reason must be one line of at most 200 characters", null);
        }
        String target = queue == null || queue.isBlank() ? CallbackDialer.DEFAULT_QUEUE : queue.strip();
        if (!QUEUES.contains(target)) {
            throw new CallbackRefused(CallbackRefused.Kind.INVALID, "queue must be one of " + new java.util.TreeSet<>(QUEUES), null);
        }
        Instant now = Instant.now();
        if (notBefore != null && notBefore.isAfter(now.plus(LONGEST_DELAY))) {
            throw new CallbackRefused(CallbackRefused.Kind.INVALID, "notBefore must be within 7 days", null);
        }
        long waiting = em.createQuery("select count(r) from CallbackRequest r where r.phone = :p and r.status in ('QUEUED', 'DIALLED')",
                Long.class).setParameter("p", number).getSingleResult();
        if (waiting > 0) {
            throw new CallbackRefused(CallbackRefused.Kind.ALREADY_WAITING, "this number has a callback request waiting already", null);
        }
        long today = em.createQuery("select count(r) from CallbackRequest r where r.phone = :p and r.createdAt > :since", Long.class)
                .setParameter("p", number).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult();
        if (today >= PER_NUMBER_PER_DAY) {
            throw new CallbackRefused(CallbackRefused.Kind.TOO_MANY, "this number has had " + today + " callback requests today",
                    Duration.ofDays(1));
        }
        String key = "web:" + UUID.randomUUID();
        CallbackRequest request = CallbackRequest.external(key, number, target, null, why, now, notBefore);
        em.persist(request);
        em.flush();
        jobs.enqueue(new CallbackJob(key, number, target, now, notBefore, why, null, 0, 1).toJson(), key);
        LOG.infof("Public callback request %d (%s) for queue %s from %s", request.getId(), key, target, source);
        return key;
    }
}
