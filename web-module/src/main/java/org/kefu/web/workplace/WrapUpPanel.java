package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.routing.AgentState;
import org.kefu.crm.ContactRecords;
import org.kefu.crm.WrapUpCode;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.util.List;

/**
 * The workplace's wrap-up (form wrap): code and notes for the last call that rang here, stored as
 * its contact record; saving ends the agent's wrap-up time.
 */
@Named
@ViewScoped
public class WrapUpPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ContactRecords contactRecords;
    @EJB
    private AgentSessions sessions;

    @Inject
    private AgentDesk desk;
    @Inject
    private CurrentUser currentUser;

    private String wrapUpCode;
    private String wrapUpNotes;
    private Long savedRecordId;

    void onNewCall(@Observes NewCall call) {
        wrapUpCode = null;
        wrapUpNotes = null;
        savedRecordId = null;
    }

    public void saveWrapUp() {
        if (desk.callRef() == null) {
            PageMessages.error("workplace.error.noCallToWrapUp");
            return;
        }
        if (wrapUpCode == null || wrapUpCode.isBlank()) {
            PageMessages.error("workplace.error.codeRequired");
            return;
        }
        desk.act(() -> {
            savedRecordId = contactRecords.record(desk.callRef(), desk.customerId(), desk.callerPhone(), wrapUpCode, wrapUpNotes);
            if (sessions.status(currentUser.getLogin()).state() == AgentState.WRAP_UP) {
                sessions.wrapUpDone(currentUser.getLogin());
            }
        });
        if (savedRecordId != null) {
            PageMessages.info("workplace.wrapUp.saved");
        }
    }

    public String getLastCallRef() {
        return desk.callRef();
    }

    public Long getSavedRecordId() {
        return savedRecordId;
    }

    public List<WrapUpCode> getWrapUpCodes() {
        return contactRecords.wrapUpCodes();
    }

    public String getWrapUpCode() {
        return wrapUpCode;
    }

    public void setWrapUpCode(String wrapUpCode) {
        this.wrapUpCode = wrapUpCode;
    }

    public String getWrapUpNotes() {
        return wrapUpNotes;
    }

    public void setWrapUpNotes(String wrapUpNotes) {
        this.wrapUpNotes = wrapUpNotes;
    }
}
