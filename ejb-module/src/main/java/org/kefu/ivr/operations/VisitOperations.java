package org.kefu.ivr.operations;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.outbound.informing.VisitCalls;
import org.kefu.tickets.Satisfaction;
import org.kefu.tickets.Ticket;
import org.kefu.tickets.TicketException;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketWorkflow;

import java.util.Map;

/**
 * {@code visit.record} for the satisfaction visit's flow (issue 17): inputs ticket, solved (1 yes,
 * 2 no), attitude (1-5), charged (1 yes, 2 no) and score (1-5); output outcome, VISITED or
 * REOPENED. Only a ticket answered and told takes a visit, once (BAD_TRANSITION after); anything
 * else than those keys is INVALID_INPUT.
 */
@Stateless
@LocalBean
@PermitAll // local only
public class VisitOperations {

    @EJB
    private TicketWorkflow workflow;

    public ServiceOutcome invoke(String callId, String operation, Map<String, String> in) {
        if (!"visit.record".equals(operation)) {
            return ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
        }
        String ticket = in.get("ticket");
        String solved = in.get("solved");
        String attitude = in.get("attitude");
        String charged = in.get("charged");
        String score = in.get("score");
        if (ticket == null || !ticket.matches("[0-9]{1,18}") || !yesNo(solved) || !oneToFive(attitude) || !yesNo(charged)
                || !oneToFive(score)) {
            return ServiceOutcome.error("INVALID_INPUT");
        }
        try {
            Ticket after = workflow.visitedByPhone(Long.parseLong(ticket), new Satisfaction("1".equals(solved),
                    Integer.parseInt(attitude), "1".equals(charged), Integer.parseInt(score), null), VisitCalls.VISITOR);
            return ServiceOutcome.ok(Map.of("outcome", after.getStatus() == TicketStatus.VISITED ? "VISITED" : "REOPENED"));
        } catch (TicketException e) {
            return ServiceOutcome.error(e.getCode());
        }
    }

    private static boolean yesNo(String key) {
        return "1".equals(key) || "2".equals(key);
    }

    private static boolean oneToFive(String key) {
        return key != null && key.matches("[1-5]");
    }
}
