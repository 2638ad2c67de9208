package org.kefu.acd;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registry the ACD tells about agents' changes; the console's push channel listens to it. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local only
public class AgentNotifications {

    private static final Logger LOG = Logger.getLogger(AgentNotifications.class);

    private final List<AgentNotificationListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(AgentNotificationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AgentNotificationListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; a failing listener never disturbs the ACD. */
    public void publish(String jobNumber, String what) {
        for (AgentNotificationListener listener : listeners) {
            try {
                listener.agentChanged(jobNumber, what);
            } catch (RuntimeException e) {
                LOG.debugf("Agent listener failed for %s: %s", jobNumber, e.getMessage());
            }
        }
    }
}
