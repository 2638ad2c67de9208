package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.DeskExtensions;

/** Answers security's {@link DeskExtensions} from the agents' table. */
@Stateless
@Local(DeskExtensions.class)
@PermitAll // local only
public class AgentDeskExtensions implements DeskExtensions {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Override
    public String extensionOf(String login) {
        Agent agent = em.find(Agent.class, login);
        return agent == null ? null : agent.getExtension();
    }
}
