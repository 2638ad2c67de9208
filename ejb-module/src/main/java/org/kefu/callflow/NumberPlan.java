package org.kefu.callflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the arrival of a call is checked against — service numbers, desk extensions, the black and
 * white lists — held in memory, so that deciding where a call goes reads no database (issue 3:
 * the per-call lookups were a large part of the call path). Reloaded every
 * {@value #RELOAD_SECONDS} s, and at once by {@link #reload()} after a change made here.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local only
public class NumberPlan {

    static final long RELOAD_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(NumberPlan.class);

    /** A white-listed caller's route: the queue, and the agent if one is named. */
    public record GreenChannel(String queue, String agent) {
    }

    private record Snapshot(Map<String, ServiceEntry> services, Set<String> desks, Set<String> black,
                            Map<String, GreenChannel> white) {
    }

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile Snapshot current = new Snapshot(Map.of(), Set.of(), Set.of(), Map.of());
    private ScheduledFuture<?> reloader;

    @PostConstruct
    void start() {
        reload();
        reloader = scheduler.scheduleWithFixedDelay(this::reloadQuietly, RELOAD_SECONDS, RELOAD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        reloader.cancel(false);
    }

    public Optional<ServiceEntry> serviceNumber(String dnis) {
        return Optional.ofNullable(current.services().get(dnis));
    }

    /** True for an active desk phone's extension. */
    public boolean isDesk(String dnis) {
        return current.desks().contains(dnis);
    }

    public boolean isBlacklisted(String ani) {
        return ani != null && current.black().contains(ani);
    }

    public Optional<GreenChannel> greenChannel(String ani) {
        return ani == null ? Optional.empty() : Optional.ofNullable(current.white().get(ani));
    }

    /** Reads the tables again now (after a change of lists, numbers or extensions). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void reload() {
        Map<String, ServiceEntry> services = new HashMap<>();
        for (ServiceNumber n : em.createQuery("select n from ServiceNumber n", ServiceNumber.class).getResultList()) {
            services.put(n.getDnis(), n.getEntry());
        }
        Set<String> desks = new HashSet<>(em.createQuery(
                "select p.extension from PhoneExtension p where p.status = 'ACTIVE'", String.class).getResultList());
        Set<String> black = new HashSet<>();
        Map<String, GreenChannel> white = new HashMap<>();
        List<?> rows = em.createNativeQuery("SELECT phone, list_kind, target_queue, target_agent FROM phone_list_entry").getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if ("BLACK".equals(r[1])) {
                black.add((String) r[0]);
            } else if ("WHITE".equals(r[1]) && r[2] != null) {
                white.put((String) r[0], new GreenChannel((String) r[2], (String) r[3]));
            }
        }
        current = new Snapshot(Map.copyOf(services), Set.copyOf(desks), Set.copyOf(black), Map.copyOf(white));
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            // Keep routing on the last good plan while the database is away.
            LOG.warnf("Number plan not reloaded (keeping the previous one): %s", e.getMessage());
        }
    }
}
