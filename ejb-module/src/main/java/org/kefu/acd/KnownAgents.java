package org.kefu.acd;

import jakarta.persistence.EntityManager;

/** The agent a request names, or NOT_FOUND: every ACD request about an agent starts here. */
final class KnownAgents {

    private KnownAgents() {
    }

    static Agent require(EntityManager em, String jobNumber) {
        Agent agent = jobNumber == null ? null : em.find(Agent.class, jobNumber);
        if (agent == null) {
            throw new AcdException(AcdException.Kind.NOT_FOUND, "unknown agent " + jobNumber);
        }
        return agent;
    }
}
