package org.kefu.web.console;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.kefu.acd.AgentNotificationListener;
import org.kefu.acd.AgentNotifications;

/**
 * Connects the ACD's notifications (EJB jar) to the agents' push channel (this WAR) for the life
 * of the web application.
 */
@ApplicationScoped
public class AgentPushRelay {

    @EJB
    private AgentNotifications notifications;

    private final AgentNotificationListener listener = AgentPushEndpoint::send;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        notifications.addListener(listener);
    }

    @PreDestroy
    void stop() {
        try {
            notifications.removeListener(listener);
        } catch (RuntimeException e) {
            // The EJB jar may stop first on undeployment: its registry goes with it.
        }
    }
}
