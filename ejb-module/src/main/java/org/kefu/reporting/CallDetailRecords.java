package org.kefu.reporting;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.jboss.logging.Logger;
import org.kefu.acd.CallAssignments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Writes the CDR as a call goes (opened on arrival, answered, assigned to a queue and agent,
 * ended with its cause) — behind the call, not in its way: the facts are collected in memory and
 * written in batches every {@value #FLUSH_MILLIS} ms, so that no call event waits for the
 * database (the SIP benchmark of issue 3 found the per-event CDR work on the call path). A row
 * appears about that long after the fact; a crash loses at most that much CDR, never a call. A
 * write that fails (the database away or saturated) is kept and tried again, a few times.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "CdrWriter"}) // the writer must outlive the last flush at shutdown
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@LocalBean // the callflow and the CRM use the bean itself; the ACD its port
@Local(CallAssignments.class)
public class CallDetailRecords implements CallAssignments {

    static final long FLUSH_MILLIS = 250;
    private static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = Logger.getLogger(CallDetailRecords.class);

    private final ConcurrentHashMap<String, PendingCdr> pending = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private CdrWriter writer;

    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        // Fixed delay, not an EJB interval timer: a slow flush simply delays the next one.
        flusher = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flusher.cancel(false);
        flush();
    }

    public void opened(String callRef, String direction, String ani, String dnis, Instant at) {
        if (org.kefu.telephony.SwitchConnectionFactory.WARM_UP_CALLER.equals(ani)) {
            return; // the switch warming itself up after a start: no call of anyone's (later updates find no row)
        }
        change(callRef, p -> p.opened(direction, ani, dnis, at));
    }

    public void answered(String callRef, Instant at) {
        change(callRef, p -> p.answered(at));
    }

    /** The queue the call waited in and the agent who took it (the latest, after transfers). */
    @Override
    public void assigned(String callRef, String queueCode, String agentJobNumber) {
        change(callRef, p -> p.assigned(queueCode, agentJobNumber));
    }

    public void ended(String callRef, Instant at, String cause) {
        change(callRef, p -> p.ended(at, cause));
    }

    private void change(String callRef, UnaryOperator<PendingCdr> fact) {
        pending.compute(callRef, (ref, p) -> fact.apply(p == null ? new PendingCdr(ref) : p));
    }

    /** Writes what is pending; one flush at a time. */
    public void flush() {
        if (!flushing.tryLock()) {
            return;
        }
        try {
            List<PendingCdr> batch = new ArrayList<>();
            for (String ref : pending.keySet()) {
                PendingCdr p = pending.remove(ref);
                if (p != null) {
                    batch.add(p);
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                writer.write(batch);
            } catch (RuntimeException e) {
                // One bad row must not cost the others: write them one by one.
                LOG.warnf("CDR batch of %d not written (%s); writing one by one", batch.size(), e.getMessage());
                int failedInARow = 0;
                for (PendingCdr p : batch) {
                    if (failedInARow >= 3) {
                        retryLater(p, e); // the database is away, not this row: don't wait on each
                        continue;
                    }
                    try {
                        writer.write(List.of(p));
                        failedInARow = 0;
                    } catch (RuntimeException single) {
                        failedInARow++;
                        retryLater(p, single);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "CDR flush failed");
        } finally {
            flushing.unlock();
        }
    }

    private void retryLater(PendingCdr p, RuntimeException failure) {
        if (++p.attempts >= MAX_ATTEMPTS) {
            LOG.errorf("CDR of call %s not written after %d attempts: %s", p.callRef, p.attempts, failure.getMessage());
            return;
        }
        // A change that arrived meanwhile is newer than the retried one.
        pending.merge(p.callRef, p, (arrivedMeanwhile, retried) -> retried.followedBy(arrivedMeanwhile));
    }
}
