package org.kefu.outbound.informing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.acd.DialCheck;
import org.kefu.acd.DialPath;
import org.kefu.acd.DialRefused;
import org.kefu.outbound.CallbackOutcome;
import org.kefu.outbound.PlacedCalls;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketWorkflow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The satisfaction visit by phone (回访, issue 17): for a ticket answered and told, Kefu calls the
 * number it came from, from the hotline's number ({@code kefu.tickets.visitNumber}, 12345), and
 * the IVR flow {@value #FLOW_DEFAULT} asks the seeds' questions; the answers are the ticket's visit
 * (satisfied: VISITED, else reopened). The call goes through the dial policy as path VISIT (the
 * categories, the do-not-call list, the calling hours); placing it and a call that was not
 * answered are audited (TICKET_VISIT_CALL). Nothing is retried by itself: whoever asked sees the
 * ticket still INFORMED and may ask again.
 */
@Stateless
@PermitAll // the REST resource in front checks the roles
public class VisitCalls {

    static final String FLOW_DEFAULT = "ticket-visit";
    /** The IVR flow a visit's call runs. */
    public static final String FLOW = System.getProperty("kefu.tickets.visitFlow", FLOW_DEFAULT);
    static final String SERVICE_NUMBER = System.getProperty("kefu.tickets.visitNumber", "12345");
    /** The name a visit made by the IVR is recorded under. */
    public static final String VISITOR = "ivr";
    private static final String QUEUE = "hotline";
    private static final Logger LOG = Logger.getLogger(VisitCalls.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private TicketWorkflow workflow;

    @EJB
    private DialCheck dialPolicy;

    @EJB
    private PlacedCalls calls;

    @EJB
    private AuditLog audit;

    /**
     * Calls the customer of ticket {@code number} for its visit: the call's id once the phone
     * rings. Refused (TicketException) for a ticket not answered and told (BAD_TRANSITION), one
     * without a number to call (INVALID), a number the dial policy refuses (FORBIDDEN) and a
     * switch that cannot place the call (UNAVAILABLE).
     */
    public String call(long number, String who, Set<String> roles, String sourceAddress) {
        Ticket ticket = workflow.visible(number);
        if (ticket.getStatus() != TicketStatus.INFORMED) {
            throw new TicketException("BAD_TRANSITION", "Ticket " + number + " is " + ticket.getStatus()
                    + ": only a ticket answered and told (INFORMED) is visited");
        }
        String phone = ticket.getCallerPhone() == null ? "" : ticket.getCallerPhone().strip();
        if (phone.isEmpty()) {
            throw new TicketException("INVALID", "Ticket " + number + " has no number to call");
        }
        try {
            dialPolicy.check(who, roles, QUEUE, phone, DialPath.VISIT, sourceAddress);
        } catch (DialRefused e) {
            throw new TicketException("FORBIDDEN", "Kefu does not call " + phone + " now: " + e.code() + ", " + e.getMessage());
        }
        CallId call;
        try (SwitchConnection sw = switchFactory.getConnection()) {
            call = sw.dialOut(new DeviceId(SERVICE_NUMBER), new DeviceId(phone), Map.of(CallData.TICKET_VISIT, String.valueOf(number)));
        } catch (TelephonyException e) {
            throw new TicketException("UNAVAILABLE", "The visit's call was not placed: " + e.getMessage());
        }
        Optional<CallbackOutcome> failedAlready = calls.placed(call, new PlacedCalls.Purpose(PlacedCalls.Kind.VISIT, number));
        audit.record(who, "TICKET_VISIT_CALL", "ticket " + number, AuditOutcome.SUCCESS, "call " + call.value(), sourceAddress);
        LOG.infof("Ticket %d: the customer's phone rings for the satisfaction visit (call %s)", number, call);
        failedAlready.ifPresent(outcome -> unanswered(number, outcome));
        return call.value();
    }

    /** The visit's call was not answered (busy, no answer, refused): audited; the ticket stays INFORMED. */
    public void unanswered(long number, CallbackOutcome outcome) {
        LOG.infof("Ticket %d: the visit's call was not answered (%s)", number, outcome);
        audit.recordIndependently(VISITOR, "TICKET_VISIT_CALL", "ticket " + number, AuditOutcome.FAILURE, "not answered: " + outcome, null);
    }
}
