package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.acd.routing.Offer;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's session with the ACD: login at a desk phone, ready, not ready,
 * wrap-up done, lock, unlock, logout, and follow-me. Each request changes the agent in the
 * {@link RoutingState}'s router; an agent who becomes free may be offered a waiting call at once.
 */
@Stateless
@PermitAll // local view only: the REST layer (which checks roles) and the console call it
public class AgentSessions {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @EJB
    RoutingState state;

    @EJB
    Offers offers;

    @EJB
    DialCheck dialPolicy;

    @EJB
    AuditLog audit;

    @EJB
    AgentNotifications notifications;

    /** Logs an agent in at a desk phone (hot desking); NOT_READY until it says ready. */
    public AgentSnapshot login(String jobNumber, String extension) {
        Agent agent = KnownAgents.require(em, jobNumber);
        if (extension == null || extension.isBlank()) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "an extension is required");
        }
        PhoneExtension desk = em.find(PhoneExtension.class, extension);
        if (desk == null || !desk.isActive()) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "extension " + extension + " is not a provisioned desk phone");
        }
        try {
            AgentSnapshot snapshot = AcdException.fromRouter(() -> state.router().login(jobNumber, extension, agent.skillLevels()));
            AgentLogin stale = em.find(AgentLogin.class, jobNumber);
            if (stale != null) {
                em.remove(stale);
                em.flush();
            }
            em.persist(new AgentLogin(jobNumber, extension, snapshot.state().name(), state.clock().instant()));
            em.flush();
            return snapshot;
        } finally {
            state.persistPending();
        }
    }

    public AgentSnapshot ready(String jobNumber) {
        KnownAgents.require(em, jobNumber);
        Optional<Offer> offer;
        try {
            offer = AcdException.fromRouter(() -> state.router().agentReady(jobNumber));
        } finally {
            state.persistPending();
        }
        offer.ifPresent(offers::ring);
        return status(jobNumber);
    }

    public AgentSnapshot notReady(String jobNumber, String reason) {
        KnownAgents.require(em, jobNumber);
        try {
            AcdException.fromRouterAction(() -> state.router().agentNotReady(jobNumber, reason));
        } finally {
            state.persistPending();
        }
        return status(jobNumber);
    }

    /** Ends after-call work early. */
    public AgentSnapshot wrapUpDone(String jobNumber) {
        KnownAgents.require(em, jobNumber);
        Optional<Offer> offer;
        try {
            offer = AcdException.fromRouter(() -> state.router().wrapUpDone(jobNumber));
        } finally {
            state.persistPending();
        }
        offer.ifPresent(offers::ring);
        return status(jobNumber);
    }

    public AgentSnapshot logout(String jobNumber) {
        KnownAgents.require(em, jobNumber);
        try {
            AcdException.fromRouterAction(() -> state.router().logout(jobNumber));
        } finally {
            state.persistPending();
        }
        return status(jobNumber);
    }

    /** Locks the seat while the agent steps away: still logged in, takes no calls. */
    public AgentSnapshot lock(String jobNumber) {
        KnownAgents.require(em, jobNumber);
        try {
            AcdException.fromRouterAction(() -> state.router().lock(jobNumber));
        } finally {
            state.persistPending();
        }
        return status(jobNumber);
    }

    /** Opens the seat again: NOT_READY ("unlocked") until the agent says ready. */
    public AgentSnapshot unlock(String jobNumber) {
        KnownAgents.require(em, jobNumber);
        try {
            AcdException.fromRouterAction(() -> state.router().unlock(jobNumber));
        } finally {
            state.persistPending();
        }
        return status(jobNumber);
    }

    /** The agent's live state; LOGGED_OUT for a known agent who has not logged in. */
    public AgentSnapshot status(String jobNumber) {
        Agent agent = KnownAgents.require(em, jobNumber);
        return state.router().agentStatus(jobNumber).orElseGet(() -> new AgentSnapshot(jobNumber, null, agent.skillLevels(),
                AgentState.LOGGED_OUT, null, null, null, 0, Set.of(), null, null));
    }

    /**
     * A call the ACD does not follow changed at a device (the agent's dialled call was answered or
     * ended, a consultation to a number): the agent logged in there is told, so that its console
     * shows it without a click. Nothing happens for a device no agent is logged in at.
     */
    public void deskChanged(String device) {
        state.router().agentAt(device).ifPresent(job -> notifications.publish(job, "CALL"));
    }

    // ------------------------------------------------------------------ follow-me

    /**
     * Binds an outside number to the agent (null or blank unbinds, which also ends follow-me).
     * Audited as FOLLOW_ME_BIND by {@code actor}.
     */
    public void bindFollowMe(String jobNumber, String number, String actor, String sourceAddress) {
        KnownAgents.require(em, jobNumber);
        String n = number == null || number.isBlank() ? null : number.strip();
        if (n != null && !n.matches("\\+?[0-9]{3,20}")) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "a follow-me number is 3 to 20 digits, optionally after +");
        }
        if (n != null && em.find(PhoneExtension.class, n) != null) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, n + " is a desk phone, not an outside number");
        }
        if (n != null) {
            try {
                // Calls offered to the agent will ring this number through the trunk: the agents' dial policy applies.
                dialPolicy.check(actor, Set.of("agent"), n, DialPath.FOLLOW_ME, sourceAddress);
            } catch (DialRefused e) {
                throw new AcdException(AcdException.Kind.BAD_REQUEST, "follow-me number refused: " + e.getMessage());
            }
        }
        em.find(Agent.class, jobNumber).setFollowMeNumber(n);
        if (n == null) {
            setFollowMe(jobNumber, null);
        } else if (state.followMe().containsKey(jobNumber)) {
            state.followMe().put(jobNumber, n);
        }
        audit.record(actor, "FOLLOW_ME_BIND", jobNumber, AuditOutcome.SUCCESS, n == null ? "unbound" : "bound", sourceAddress);
    }

    /**
     * Turns follow-me on or off for a logged-in agent: while on, calls offered to the agent ring
     * its bound number through the outbound trunk instead of the desk phone.
     */
    public AgentSnapshot followMe(String jobNumber, boolean on, String actor, String sourceAddress) {
        Agent agent = KnownAgents.require(em, jobNumber);
        if (on && agent.getFollowMeNumber() == null) {
            throw new AcdException(AcdException.Kind.BAD_REQUEST, "agent " + jobNumber + " has no follow-me number bound");
        }
        AgentSnapshot now = status(jobNumber);
        if (now.state() == AgentState.LOGGED_OUT) {
            throw new AcdException(AcdException.Kind.CONFLICT, "agent " + jobNumber + " is not logged in");
        }
        setFollowMe(jobNumber, on ? agent.getFollowMeNumber() : null);
        audit.record(actor, on ? "FOLLOW_ME_ON" : "FOLLOW_ME_OFF", jobNumber, AuditOutcome.SUCCESS, null, sourceAddress);
        return now;
    }

    private void setFollowMe(String jobNumber, String number) {
        if (number == null) {
            state.followMe().remove(jobNumber);
        } else {
            state.followMe().put(jobNumber, number);
        }
        em.createNativeQuery("UPDATE agent_login SET follow_me = ? WHERE job_number = ?")
                .setParameter(1, number == null ? 0 : 1).setParameter(2, jobNumber).executeUpdate();
    }

    /** The outside number the agent's offers ring now, when follow-me is on. */
    public Optional<String> followMeNumber(String jobNumber) {
        return Optional.ofNullable(state.followMe().get(jobNumber));
    }

    /** The agent's bound follow-me number, on or not. */
    public Optional<String> boundFollowMeNumber(String jobNumber) {
        return Optional.ofNullable(KnownAgents.require(em, jobNumber).getFollowMeNumber());
    }

    /** The configured not-ready reason codes (built-in ones excluded). */
    public List<String> notReadyReasons() {
        return em.createQuery("select r.code from NotReadyReason r order by r.code", String.class).getResultList();
    }

    /** The configured not-ready reasons with their zh/en names, for the console. */
    public List<NotReadyReason> notReadyReasonNames() {
        return em.createQuery("select r from NotReadyReason r order by r.code", NotReadyReason.class).getResultList();
    }
}
