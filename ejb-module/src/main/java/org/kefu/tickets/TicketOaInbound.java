package org.kefu.tickets;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;
import org.kefu.platform.DeadLetters;

import java.io.StringReader;
import java.util.Set;

/**
 * Status updates from an external OA system (queue kefu.tickets.oa.in, R-9.2): a department that
 * works in the OA system took a ticket, returned it (退单) or answered it:
 * {@code {"ticket":10000042,"department":"POWER","action":"START"|"RETURN"|"ANSWER","handler":"王师傅","note":…}}.
 * The update goes through the same workflow as the department portal's (the ticket must be led by
 * that department and allow the step). A message that cannot be read, or whose update the workflow
 * refuses, is dead-lettered at once with the reason in "kefu_error": trying again would fail the
 * same way. Who may send is the broker's ACL (role oa).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/tickets/oa/in"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller
public class TicketOaInbound implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TicketOaInbound.class);

    private static final Set<TicketAction> OA_ACTIONS = Set.of(TicketAction.START, TicketAction.RETURN, TicketAction.ANSWER);

    @EJB
    private TicketWorkflow workflow;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/oa/in/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        String id = DeadLetters.idOf(message);
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("expected a text message with a JSON body");
            }
            JsonObject body = parse(text.getText());
            long ticket = number(body, "ticket");
            String department = text(body, "department", 32, true);
            String actionName = text(body, "action", 16, true);
            TicketAction action = OA_ACTIONS.stream().filter(a -> a.name().equals(actionName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("field \"action\" must be START, RETURN or ANSWER"));
            workflow.actForOa(ticket, department, action, text(body, "handler", 32, false), text(body, "note", 900, false));
        } catch (IllegalArgumentException e) {
            refuse(message, id, e.getMessage());
        } catch (TicketException e) {
            refuse(message, id, e.getCode() + ": " + e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read OA message " + id, e);
        }
    }

    private void refuse(Message message, String id, String reason) {
        LOG.warnf("OA message %s dead-lettered: %s", id, reason);
        DeadLetters.send(jms, deadLetters, message, reason);
    }

    private static JsonObject parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty message");
        }
        try {
            JsonValue value = Json.createReader(new StringReader(text)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }

    private static long number(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a ticket number");
        }
        return n.longValue();
    }

    private static String text(JsonObject body, String name, int max, boolean required) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new IllegalArgumentException("field \"" + name + "\" is missing");
            }
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a non-empty string");
        }
        if (s.getString().length() > max) {
            throw new IllegalArgumentException("field \"" + name + "\" has more than " + max + " characters");
        }
        return s.getString().strip();
    }
}
