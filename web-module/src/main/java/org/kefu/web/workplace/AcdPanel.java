package org.kefu.web.workplace;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.NotReadyReason;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** The workplace's ACD panel (form acd): login at a desk phone, the state bar, ready (F8), not ready, logout. */
@Named
@ViewScoped
public class AcdPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgentSessions sessions;

    @Inject
    private AgentDesk desk;
    @Inject
    private CurrentUser currentUser;

    private String extension;
    private String reason;

    @PostConstruct
    void init() {
        extension = currentUser.getExtension();
    }

    public void login() {
        desk.act(() -> sessions.login(currentUser.getLogin(), extension == null ? null : extension.trim()));
    }

    /** Ready, or the end of the wrap-up when the agent is in one. */
    public void ready() {
        desk.act(() -> {
            AgentSnapshot now = sessions.status(currentUser.getLogin());
            if (now.state() == AgentState.WRAP_UP) {
                sessions.wrapUpDone(currentUser.getLogin());
            } else {
                sessions.ready(currentUser.getLogin());
            }
        });
    }

    public void notReady() {
        if (reason == null || reason.isBlank()) {
            PageMessages.error("workplace.error.reasonRequired");
            return;
        }
        desk.act(() -> sessions.notReady(currentUser.getLogin(), reason));
    }

    public void logout() {
        desk.act(() -> sessions.logout(currentUser.getLogin()));
    }

    public boolean isLoggedIn() {
        return desk.isLoggedIn();
    }

    public String getState() {
        AgentSnapshot status = desk.status();
        return status == null ? "LOGGED_OUT" : status.state().name();
    }

    public String getStateReason() {
        AgentSnapshot status = desk.status();
        return status == null || status.reason() == null ? "" : status.reason();
    }

    public String getLoggedInExtension() {
        AgentSnapshot status = desk.status();
        return status == null || status.extension() == null ? "" : status.extension();
    }

    /** Epoch millis at which a timed wrap-up ends (0: none), for the page's countdown. */
    public long getWrapUpUntil() {
        AgentSnapshot status = desk.status();
        return status == null || status.wrapUpUntil() == null ? 0 : status.wrapUpUntil().toEpochMilli();
    }

    public int getCallsAnsweredToday() {
        AgentSnapshot status = desk.status();
        return status == null ? 0 : status.callsAnsweredToday();
    }

    public List<NotReadyReason> getReasons() {
        return sessions.notReadyReasonNames();
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
