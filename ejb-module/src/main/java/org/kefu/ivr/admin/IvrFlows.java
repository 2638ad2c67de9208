package org.kefu.ivr.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.ivr.FlowFormatException;
import org.kefu.ivr.FlowProblem;
import org.kefu.ivr.FlowValidator;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.format.FlowParser;
import org.kefu.platform.DemoCenter;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored IVR flows (table ivr_flow_version, text in ivr_flow_text): upload a new version
 * (parsed and validated, stored INACTIVE), activate one version (the others of that flow become
 * INACTIVE in the same transaction), and the active flow of a dialled number for the calls, cached
 * and dropped from the cache on every activation, so a new version takes the next call without
 * redeployment. In a cluster each node has its own cache: a node picks up an activation made on
 * another node after its restart (not built yet: a JMS topic to invalidate).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RolesAllowed(Role.ADMIN)
public class IvrFlows {

    private static final Logger LOG = Logger.getLogger(IvrFlows.class);
    static final int PART = 1000;
    /** The demo flows and the numbers they answer (their mapping is sql/demo/kefu/V6). */
    static final List<String> DEMO_FLOWS = List.of("banking-95500", "securities-95501", "utilities-96000", "hotline-12345",
            "dunning-reminder", "survey-satisfaction", "ticket-visit");
    /** Flows Kefu's own features run (the voice reminder, the survey, the satisfaction visit), stored at the first start with or without the demo. */
    static final List<String> BUILT_IN_FLOWS = List.of("dunning-reminder", "survey-satisfaction", "ticket-visit");

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    private final PromptCatalog prompts = PromptCatalog.load();
    private final Map<String, Optional<IvrFlow>> byDnis = new ConcurrentHashMap<>();

    @PostConstruct
    void loadDemoFlows() {
        for (String id : DemoCenter.enabled() ? DEMO_FLOWS : BUILT_IN_FLOWS) {
            if (!versions(id).isEmpty()) {
                continue;
            }
            try (InputStream in = IvrFlows.class.getResourceAsStream("/org/kefu/ivr/flows/" + id + ".json")) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                IvrFlow flow = check(json);
                store(flow, json, 1, "ACTIVE", "system");
                LOG.infof("IVR flow %s loaded, version 1 active", id);
            } catch (IOException | IvrFlowException e) {
                LOG.errorf("Demo IVR flow %s not loaded: %s", id, e.getMessage());
            }
        }
    }

    /** The active flow answering {@code dnis}, or empty: the caller then gets the fixed entry menu. */
    @PermitAll
    public Optional<IvrFlow> activeFor(String dnis) {
        if (dnis == null) {
            return Optional.empty();
        }
        return byDnis.computeIfAbsent(dnis, this::loadActive);
    }

    /** The active version of flow {@code flowId} (routing rules' and queue overflows' IVR targets), or empty. */
    @PermitAll
    public Optional<IvrFlow> activeFlow(String flowId) {
        if (flowId == null) {
            return Optional.empty();
        }
        return byDnis.computeIfAbsent("flow:" + flowId, k -> loadFlow(flowId));
    }

    private Optional<IvrFlow> loadFlow(String flowId) {
        List<?> versions = em.createNativeQuery(
                        "SELECT flow_version FROM ivr_flow_version WHERE flow_id = ? AND status = 'ACTIVE'")
                .setParameter(1, flowId).getResultList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        int version = ((Number) versions.get(0)).intValue();
        try {
            return Optional.of(new FlowParser().parse(text(flowId, version)).withVersion(version));
        } catch (FlowFormatException e) {
            LOG.errorf("IVR flow %s version %d cannot be read any more: %s", flowId, version, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<IvrFlow> loadActive(String dnis) {
        List<?> ids = em.createNativeQuery("SELECT flow_id FROM service_number WHERE dnis = ? AND flow_id IS NOT NULL")
                .setParameter(1, dnis).getResultList();
        return ids.isEmpty() ? Optional.empty() : loadFlow((String) ids.get(0));
    }

    /** Every stored version, flow by flow, newest first. */
    public List<FlowVersionInfo> list() {
        return infos(em.createNativeQuery("SELECT flow_id, flow_version, status, description, created_by, created_at, "
                + "activated_by, activated_at FROM ivr_flow_version ORDER BY flow_id, flow_version DESC").getResultList());
    }

    /** The versions of one flow, newest first. */
    public List<FlowVersionInfo> versions(String flowId) {
        return infos(em.createNativeQuery("SELECT flow_id, flow_version, status, description, created_by, created_at, "
                        + "activated_by, activated_at FROM ivr_flow_version WHERE flow_id = ? ORDER BY flow_version DESC")
                .setParameter(1, flowId).getResultList());
    }

    /** The JSON text of one version. */
    public String definition(String flowId, int version) throws IvrFlowException {
        String text = text(flowId, version);
        if (text.isEmpty()) {
            throw new IvrFlowException(List.of("flow \"" + flowId + "\" has no version " + version), true);
        }
        return text;
    }

    /**
     * Parses and validates {@code json} and stores it as the flow's next version, INACTIVE.
     *
     * @throws IvrFlowException with every problem, each naming its node (nothing stored)
     */
    public FlowVersionInfo upload(String json, String sourceAddress) throws IvrFlowException {
        String admin = context.getCallerPrincipal().getName();
        IvrFlow flow;
        try {
            flow = check(json);
        } catch (IvrFlowException e) {
            audit.recordIndependently(admin, "IVR_FLOW_UPLOAD", null, AuditOutcome.FAILURE,
                    shorten(e.getMessage()), sourceAddress);
            throw e;
        }
        Number max = (Number) em.createNativeQuery("SELECT MAX(flow_version) FROM ivr_flow_version WHERE flow_id = ?")
                .setParameter(1, flow.id()).getSingleResult();
        int version = max == null ? 1 : max.intValue() + 1;
        store(flow, json, version, "INACTIVE", admin);
        audit.record(admin, "IVR_FLOW_UPLOAD", flow.id() + ":" + version, AuditOutcome.SUCCESS, null, sourceAddress);
        return versions(flow.id()).get(0);
    }

    /** Makes {@code version} the flow's only ACTIVE version; the next call uses it. */
    public void activate(String flowId, int version, String sourceAddress) throws IvrFlowException {
        String admin = context.getCallerPrincipal().getName();
        int found = em.createNativeQuery("UPDATE ivr_flow_version SET status = 'ACTIVE', activated_by = ?, activated_at = ? "
                        + "WHERE flow_id = ? AND flow_version = ?")
                .setParameter(1, admin).setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, flowId).setParameter(4, version).executeUpdate();
        if (found == 0) {
            audit.recordIndependently(admin, "IVR_FLOW_ACTIVATE", flowId + ":" + version, AuditOutcome.FAILURE,
                    "no such version", sourceAddress);
            throw new IvrFlowException(List.of("flow \"" + flowId + "\" has no version " + version), true);
        }
        em.createNativeQuery("UPDATE ivr_flow_version SET status = 'INACTIVE' WHERE flow_id = ? AND flow_version <> ?")
                .setParameter(1, flowId).setParameter(2, version).executeUpdate();
        audit.record(admin, "IVR_FLOW_ACTIVATE", flowId + ":" + version, AuditOutcome.SUCCESS, null, sourceAddress);
        byDnis.clear();
        LOG.infof("IVR flow %s version %d activated by %s", flowId, version, admin);
    }

    /** Parsed and validated against the prompts that exist. */
    private IvrFlow check(String json) throws IvrFlowException {
        if (json == null || json.isBlank()) {
            throw new IvrFlowException(List.of("empty flow"), false);
        }
        IvrFlow flow;
        try {
            flow = new FlowParser().parse(json);
        } catch (FlowFormatException e) {
            throw new IvrFlowException(List.of(e.getMessage()), false);
        }
        if (flow.id().length() > 64) {
            throw new IvrFlowException(List.of("/id: a flow id has at most 64 characters"), false);
        }
        List<FlowProblem> problems = new FlowValidator().validate(flow,
                prompts.with(PromptFolder.entries(PromptFolder.dir())).knownFor(flow.languages()));
        if (!problems.isEmpty()) {
            throw new IvrFlowException(problems.stream().map(FlowProblem::toString).toList(), false);
        }
        return flow;
    }

    private void store(IvrFlow flow, String json, int version, String status, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        String description = flow.description() == null ? null
                : flow.description().substring(0, Math.min(200, flow.description().length()));
        em.createNativeQuery("INSERT INTO ivr_flow_version (flow_id, flow_version, status, description, created_by, "
                        + "created_at, activated_by, activated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, flow.id()).setParameter(2, version).setParameter(3, status)
                .setParameter(4, description).setParameter(5, by).setParameter(6, now)
                .setParameter(7, "ACTIVE".equals(status) ? by : null)
                .setParameter(8, "ACTIVE".equals(status) ? now : null)
                .executeUpdate();
        int part = 0;
        for (int i = 0; i < json.length(); i += PART) {
            int end = Math.min(json.length(), i + PART);
            if (end < json.length() && Character.isHighSurrogate(json.charAt(end - 1))) {
                end--;
            }
            em.createNativeQuery("INSERT INTO ivr_flow_text (flow_id, flow_version, part_no, part_text) VALUES (?, ?, ?, ?)")
                    .setParameter(1, flow.id()).setParameter(2, version).setParameter(3, part++)
                    .setParameter(4, json.substring(i, end)).executeUpdate();
            i = end - PART;
        }
    }

    private String text(String flowId, int version) {
        StringBuilder sb = new StringBuilder();
        for (Object part : em.createNativeQuery(
                        "SELECT part_text FROM ivr_flow_text WHERE flow_id = ? AND flow_version = ? ORDER BY part_no")
                .setParameter(1, flowId).setParameter(2, version).getResultList()) {
            sb.append((String) part);
        }
        return sb.toString();
    }

    private static List<FlowVersionInfo> infos(List<?> rows) {
        List<FlowVersionInfo> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            out.add(new FlowVersionInfo((String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (String) r[4], instant(r[5]), (String) r[6], instant(r[7])));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return o instanceof Instant i ? i : null;
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
