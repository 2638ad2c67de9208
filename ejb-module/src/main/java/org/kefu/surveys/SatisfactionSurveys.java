package org.kefu.surveys;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Satisfaction surveys after a call (issues 16 and 17): offered when the agent hangs up on a caller
 * whose queue asks for one, scored by the caller on the keypad (1 very dissatisfied to 5 very
 * satisfied), counted per agent. A call is surveyed at most once and scored at most once.
 */
@Stateless
public class SatisfactionSurveys {

    static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");
    /** Longest span of the figures, in days. */
    public static final int MAX_DAYS = 31;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /** The caller of {@code callRef} is being asked; false when that call was surveyed already. */
    @PermitAll // local only: the call flow
    public boolean offered(String callRef, String agentJob, String queue) {
        if (find(callRef, false).isPresent()) {
            return false;
        }
        em.persist(new SatisfactionSurvey(callRef, agentJob, queue, Instant.now()));
        return true;
    }

    /** The caller keyed a score: kept if the call was offered the survey and not scored yet. */
    @PermitAll // local only: the survey flow's operation, for its own call
    public boolean scored(String callRef, int score) {
        if (score < 1 || score > 5) {
            return false;
        }
        Optional<SatisfactionSurvey> s = find(callRef, true);
        if (s.isEmpty() || s.get().getScore() != null) {
            return false;
        }
        s.get().scored(score, Instant.now());
        return true;
    }

    @PermitAll
    public Optional<SatisfactionSurvey> ofCall(String callRef) {
        return find(callRef, false);
    }

    /** Per agent, from {@code from} to {@code to} inclusive (Asia/Shanghai), by job number. */
    @RolesAllowed({"supervisor", "admin"})
    public List<AgentSatisfaction> byAgent(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " to " + to + ": at most " + MAX_DAYS + " days, in order");
        }
        List<AgentSatisfaction> agents = new ArrayList<>();
        for (Object[] r : em.createQuery("select s.agentJob, count(s), count(s.score), avg(s.score),"
                        + " sum(case when s.score = 1 then 1 else 0 end), sum(case when s.score = 2 then 1 else 0 end),"
                        + " sum(case when s.score = 3 then 1 else 0 end), sum(case when s.score = 4 then 1 else 0 end),"
                        + " sum(case when s.score = 5 then 1 else 0 end)"
                        + " from SatisfactionSurvey s where s.offeredAt >= :s and s.offeredAt < :e group by s.agentJob order by s.agentJob",
                        Object[].class)
                .setParameter("s", from.atStartOfDay(CENTER_ZONE).toInstant())
                .setParameter("e", to.plusDays(1).atStartOfDay(CENTER_ZONE).toInstant()).getResultList()) {
            long[] scores = new long[5];
            for (int i = 0; i < 5; i++) {
                scores[i] = r[4 + i] == null ? 0 : ((Number) r[4 + i]).longValue();
            }
            agents.add(AgentSatisfaction.of((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), scores));
        }
        return agents;
    }

    private Optional<SatisfactionSurvey> find(String callRef, boolean lock) {
        var q = em.createQuery("select s from SatisfactionSurvey s where s.callRef = :c", SatisfactionSurvey.class)
                .setParameter("c", callRef);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst();
    }
}
