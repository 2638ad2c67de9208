package org.kefu.tickets;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells an external OA system (办公自动化, R-9.2) of every dispatch and every status change of a
 * ticket, on queue kefu.tickets.oa.out: {@code ticket.dispatched} (a dispatch, transfer,
 * co-handling or reopening, with what the department needs to handle it) or {@code ticket.status},
 * for the tickets of departments that work in an OA system ({@code department.works_in_oa}).
 * Sent in the caller's transaction through the XA connection factory, so a message leaves if and
 * only if the step it reports commits. Properties {@code kefu_type} and {@code kefu_department}
 * (the lead department) let an OA system select its own departments' messages.
 */
@Stateless
@PermitAll // local only
public class TicketOaOutbound {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/oa/out")
    private Queue outbound;

    /** {@code formerDepartment}: the lead department before this step (it changes with a return or transfer). */
    public void published(Ticket ticket, TicketAction action, TicketStatus from, TicketStatus to, String actor, String note,
                   String formerDepartment) {
        String left = formerDepartment != null && !formerDepartment.equals(ticket.getDepartmentCode()) ? formerDepartment : null;
        if (!concernsOa(ticket, left)) {
            return;
        }
        boolean dispatch = to == TicketStatus.DISPATCHED && from != TicketStatus.DISPATCHED || action == TicketAction.TRANSFER
                || action == TicketAction.CO_HANDLE;
        String type = dispatch ? "ticket.dispatched" : "ticket.status";
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type)
                .add("ticket", ticket.getId())
                .add("action", action.name())
                .add("from", from.name())
                .add("to", to.name())
                .add("actor", actor)
                .add("at", Instant.now().toString());
        optional(body, "department", ticket.getDepartmentCode());
        optional(body, "fromDepartment", left);
        optional(body, "handler", ticket.getAssignee());
        optional(body, "note", note);
        if (dispatch) {
            JsonArrayBuilder co = Json.createArrayBuilder();
            ticket.getCoDepartments().forEach(co::add);
            body.add("coDepartments", co).add("category", ticket.getCategory()).add("subject", ticket.getSubject());
            optional(body, "ticketType", ticket.getType());
            optional(body, "description", ticket.getDescription());
            optional(body, "callerPhone", ticket.getCallerPhone());
            optional(body, "answerBy", ticket.getAnswerBy() == null ? null : ticket.getAnswerBy().toString());
        }
        TextMessage message = jms.createTextMessage(body.build().toString());
        try {
            message.setStringProperty("kefu_type", type);
            message.setLongProperty("kefu_ticket", ticket.getId());
            if (ticket.getDepartmentCode() != null) {
                message.setStringProperty("kefu_department", ticket.getDepartmentCode());
            }
            if (left != null) {
                message.setStringProperty("kefu_from_department", left);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prepare the OA message of ticket " + ticket.getId() + ": " + e.getMessage(), e);
        }
        jms.createProducer().send(outbound, message);
    }

    /** Whether a department of the ticket (lead, helping, or the one it was just returned from) works in OA. */
    private boolean concernsOa(Ticket ticket, String left) {
        List<String> codes = new ArrayList<>(ticket.getCoDepartments());
        if (left != null) {
            codes.add(left);
        }
        if (ticket.getDepartmentCode() != null) {
            codes.add(ticket.getDepartmentCode());
        }
        if (codes.isEmpty()) {
            return false;
        }
        return !em.createQuery("SELECT d.code FROM Department d WHERE d.code IN :c AND d.worksInOa = 'Y'", String.class)
                .setParameter("c", codes).setMaxResults(1).getResultList().isEmpty();
    }

    private static void optional(JsonObjectBuilder body, String name, String value) {
        if (value != null) {
            body.add(name, value);
        }
    }
}
