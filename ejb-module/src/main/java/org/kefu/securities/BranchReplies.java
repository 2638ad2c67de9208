package org.kefu.securities;

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
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Answers of the JMS-protocol branches (GZ01–GZ03) on kefu.securities.replies, each settled in
 * one XA transaction with the message's consumption:
 * {@code {"type":"fill","orderRef":…,"branch":"GZ01","price":"10.00","quantity":100}} or
 * {@code {"type":"reject","orderRef":…,"branch":"GZ01","reason":…}}; the branch must be the
 * order's. An answer Kefu cannot apply goes at once
 * to kefu.securities.replies.DLQ with the reason in property {@code kefu_error}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/securities/replies"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll // the broker delivers without a caller
public class BranchReplies implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BranchReplies.class);

    @EJB
    private OrderSettlement settlement;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/securities/replies/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new BadBranchAnswer("expected a text message with a JSON body");
            }
            JsonObject body = parse(text.getText());
            String type = body.getString("type", "");
            String ref = body.getString("orderRef", null);
            if (ref == null) {
                throw new BadBranchAnswer("missing string field \"orderRef\"");
            }
            switch (type) {
                case "fill" -> settlement.fill(ref, branch(body), decimal(body, "price"), integer(body, "quantity"));
                case "reject" -> settlement.reject(ref, branch(body), body.getString("reason", null));
                default -> throw new BadBranchAnswer("unknown answer type \"" + type + "\"");
            }
        } catch (BadBranchAnswer e) {
            LOG.warnf("Branch answer %s rejected: %s", messageId(message), e.getMessage());
            deadLetter(message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read branch answer: " + e.getMessage(), e);
        }
    }

    static JsonObject parse(String text) throws BadBranchAnswer {
        if (text == null || text.length() > 16 * 1024) {
            throw new BadBranchAnswer("empty or too long");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadBranchAnswer("an answer must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | ClassCastException e) {
            throw new BadBranchAnswer("not JSON: " + e.getMessage());
        }
    }

    static String branch(JsonObject body) throws BadBranchAnswer {
        JsonValue v = body.get("branch");
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadBranchAnswer("missing string field \"branch\"");
        }
        return body.getString("branch");
    }

    static BigDecimal decimal(JsonObject body, String field) throws BadBranchAnswer {
        JsonValue v = body.get(field);
        try {
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
                return new BigDecimal(body.getString(field));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new BadBranchAnswer("field \"" + field + "\" must be a decimal");
    }

    static long integer(JsonObject body, String field) throws BadBranchAnswer {
        JsonValue v = body.get(field);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw new BadBranchAnswer("field \"" + field + "\" must be an integer");
    }

    private void deadLetter(Message original, String reason) {
        org.kefu.platform.DeadLetters.send(jms, deadLetters, original, reason);
    }

    private static String messageId(Message message) {
        return org.kefu.platform.DeadLetters.idOf(message);
    }
}
