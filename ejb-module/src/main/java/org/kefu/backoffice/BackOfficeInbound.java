package org.kefu.backoffice;

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
import org.jboss.logging.Logger;
import org.kefu.platform.ServerAddresses;

import java.time.Instant;

/**
 * Commands from the bank's back office (queue kefu.backoffice.in), each handled in one XA
 * transaction with whatever it changes and whatever it answers. A message that cannot be
 * understood is moved to the dead-letter queue at once with the reason in property
 * "kefu_error" (retrying it would fail the same way); a failure of ours rolls back and the
 * broker redelivers, then dead-letters after max-delivery-attempts.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/backoffice/in"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class BackOfficeInbound implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BackOfficeInbound.class);

    @EJB
    private BackOfficeOutbound outbound;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        String messageId = messageId(message);
        try {
            if (!(message instanceof TextMessage text)) {
                throw new MalformedCommand("expected a text message with a JSON body");
            }
            BackOfficeCommand command = BackOfficeCommand.parse(text.getText());
            handle(command, correlationOf(message, command));
        } catch (MalformedCommand e) {
            LOG.warnf("Back-office message %s rejected: %s", messageId, e.getMessage());
            deadLetter(message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read back-office message " + messageId, e);
        }
    }

    private void handle(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        switch (command.type()) {
            case "ping" -> outbound.send(Json.createObjectBuilder()
                    .add("type", "pong")
                    .add("inReplyTo", command.id() == null ? "" : command.id())
                    .add("node", System.getProperty("jboss.node.name", "kefu"))
                    .add("console", ServerAddresses.consoleUrl())
                    .add("at", Instant.now().toString())
                    .build(), correlationId);
            default -> throw new MalformedCommand("unknown command type \"" + command.type() + "\"");
        }
    }

    private static String correlationOf(Message message, BackOfficeCommand command) throws JMSException {
        if (message.getJMSCorrelationID() != null) {
            return message.getJMSCorrelationID();
        }
        return command.id() != null ? command.id() : message.getJMSMessageID();
    }

    private void deadLetter(Message original, String reason) {
        try {
            TextMessage copy = jms.createTextMessage(original instanceof TextMessage t ? t.getText() : null);
            copy.setStringProperty("kefu_error", reason);
            copy.setStringProperty("kefu_original_id", original.getJMSMessageID());
            if (original.getJMSCorrelationID() != null) {
                copy.setJMSCorrelationID(original.getJMSCorrelationID());
            }
            jms.createProducer().send(deadLetters, copy);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot dead-letter back-office message: " + e.getMessage(), e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
