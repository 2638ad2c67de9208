package org.kefu.ivr.operations;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.tickets.NewTicket;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.Tickets;
import org.kefu.voicemail.Voicemail;
import org.kefu.voicemail.Voicemails;

import java.time.ZoneId;
import java.util.Map;

/**
 * {@code tickets.*} and {@code voicemail.store} for the IVR: a repair report opens a ticket
 * (channel IVR, linked to the customer of the utility account or of the calling number) whose
 * number (its 8-digit id) the flow reads back; a status query finds a ticket by that number; a
 * voicemail is stored with the caller's number.
 */
@Stateless
@LocalBean
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketOperations {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @EJB
    private Tickets tickets;

    @EJB
    private Voicemails voicemails;

    @EJB
    private UtilitiesOperations utilities;

    public ServiceOutcome invoke(String callId, String operation, Map<String, String> in) {
        try {
            return switch (operation) {
                case "tickets.createRepair" -> createRepair(callId, in);
                case "tickets.status" -> status(in);
                case "voicemail.store" -> voicemail(callId, in);
                default -> ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
            };
        } catch (TicketException e) {
            return ServiceOutcome.error(e.getCode());
        } catch (IllegalArgumentException e) {
            return ServiceOutcome.error(OperationErrors.INVALID_REQUEST);
        } catch (jakarta.ejb.EJBException e) {
            // Voicemails refuses bad input with IllegalArgumentException, which the container wraps.
            return ServiceOutcome.error(e.getCause() instanceof IllegalArgumentException
                    ? OperationErrors.INVALID_REQUEST : OperationErrors.FAILED);
        }
    }

    private ServiceOutcome createRepair(String callId, Map<String, String> in) {
        String customer = in.get("customer") == null ? null : UtilitiesOperations.customer(in.get("customer"));
        String caller = in.get("caller");
        Long customerId = customer == null ? null : utilities.customerOf(customer);
        if (customerId == null && caller != null && !caller.isBlank()) {
            customerId = voicemails.customerOf(caller);
        }
        String subject = customer == null ? "Repair report by phone" : "Repair report by phone, customer " + customer;
        Ticket t = tickets.open(new NewTicket(customerId, blankToNull(caller), "REPAIR", "REPAIR", subject,
                "Reported on the IVR" + (in.get("dnis") == null ? "" : " (" + in.get("dnis") + ")"),
                "IVR", callId, "ivr")).ticket(); // a repeat report of the same caller: the open ticket's number
        return ServiceOutcome.ok(Map.of("ticketNumber", String.valueOf(t.getId())));
    }

    private ServiceOutcome status(Map<String, String> in) {
        long number;
        try {
            number = Long.parseLong(in.getOrDefault("ticket", ""));
        } catch (NumberFormatException e) {
            return ServiceOutcome.error("NO_SUCH_TICKET");
        }
        Ticket t = tickets.find(number);
        // status: the coarse OPEN / RESOLVED / CLOSED that flows test; stage: where exactly it is
        return ServiceOutcome.ok(Map.of("status", t.getStatus().phase(), "stage", t.getStatus().name(),
                "statusDate", t.getUpdatedAt().atZone(BUSINESS_ZONE).toLocalDate().toString()));
    }

    private ServiceOutcome voicemail(String callId, Map<String, String> in) {
        Voicemail v = voicemails.store(in.get("caller"), in.get("queue"), in.get("recording"), callId);
        return ServiceOutcome.ok(Map.of("voicemailId", String.valueOf(v.getId())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
