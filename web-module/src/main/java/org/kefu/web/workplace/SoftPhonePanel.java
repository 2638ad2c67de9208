package org.kefu.web.workplace;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.acd.AgentCall;
import org.kefu.acd.SoftPhone;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.util.List;

/**
 * The workplace's soft phone (form phone): the call banner, answer (F2), hang up (F4), hold,
 * transfer, consultation, conference, dialling and the keypad. Named apart from the SoftPhone EJB
 * it drives.
 */
@Named
@ViewScoped
public class SoftPhonePanel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The keypad's keys in a phone's order. */
    private static final List<String> KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#");

    @EJB
    private SoftPhone phone;

    @Inject
    private AgentDesk desk;

    private String dialNumber;
    private String transferKind = TransferKind.AGENT.name();
    private String transferTarget;
    /** Keys the agent sent with the keypad in the current call (a count: the keys may be a PIN). */
    private int keysSent;

    @PostConstruct
    void init() {
        dialNumber = DialLink.number(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("dial"));
    }

    void onNewCall(@Observes NewCall call) {
        keysSent = 0;
    }

    public void answer() {
        desk.act(() -> phone.answer());
    }

    public void hangUp() {
        desk.act(() -> phone.hangUp());
    }

    public void hold() {
        desk.act(() -> phone.hold());
    }

    public void retrieve() {
        desk.act(() -> phone.retrieve());
    }

    public void transfer() {
        if (transferTarget == null || transferTarget.isBlank()) {
            PageMessages.error("workplace.error.targetRequired");
            return;
        }
        String target = transferTarget.trim();
        TransferKind kind = TransferKind.of(transferKind);
        desk.act(() -> {
            switch (kind) {
                case AGENT -> phone.transferToAgent(target);
                case QUEUE -> phone.transferToQueue(target);
                case NUMBER -> phone.blindTransfer(target);
            }
        });
    }

    /** A consultation goes to an agent or a number; a queue cannot be consulted. */
    public void consult() {
        TransferKind kind = TransferKind.of(transferKind);
        if (transferTarget == null || transferTarget.isBlank() || kind == TransferKind.QUEUE) {
            PageMessages.error("workplace.error.consultTarget");
            return;
        }
        String target = transferTarget.trim();
        desk.act(() -> phone.consult(target, kind == TransferKind.AGENT));
    }

    public void completeTransfer() {
        desk.act(() -> phone.completeTransfer());
    }

    public void alternate() {
        desk.act(() -> phone.alternate());
    }

    public void conference() {
        desk.act(() -> phone.conference());
    }

    public void dial() {
        if (dialNumber == null || dialNumber.isBlank()) {
            PageMessages.error("workplace.error.numberRequired");
            return;
        }
        desk.act(() -> phone.dial(dialNumber.trim()));
    }

    /** One key of the keypad (0-9 * #), sent to the other party of the active call as DTMF. */
    public void sendKey(String key) {
        boolean[] sent = {false};
        desk.act(() -> {
            phone.sendDigits(key);
            sent[0] = true;
        });
        if (sent[0]) {
            keysSent++;
        }
    }

    public int getKeysSent() {
        return keysSent;
    }

    public List<String> getKeys() {
        return KEYS;
    }

    public List<AgentCall> getCalls() {
        return desk.calls();
    }

    /** The agent's main call (the ACD's, or a dialled one); null when idle. */
    public AgentCall getCall() {
        List<AgentCall> calls = desk.calls();
        return calls.isEmpty() ? null : calls.get(0);
    }

    public boolean isConsulting() {
        return desk.calls().stream().anyMatch(AgentCall::isConsultation);
    }

    public String getDialNumber() {
        return dialNumber;
    }

    public void setDialNumber(String dialNumber) {
        this.dialNumber = dialNumber;
    }

    public String getTransferKind() {
        return transferKind;
    }

    public void setTransferKind(String transferKind) {
        this.transferKind = transferKind;
    }

    public String getTransferTarget() {
        return transferTarget;
    }

    public void setTransferTarget(String transferTarget) {
        this.transferTarget = transferTarget;
    }
}
