package org.kefu.platform;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Moving a message nobody can understand to its dead-letter queue at once, with the reason, in
 * the consumer's transaction: retrying it would fail the same way, and losing it is not allowed.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Sends a copy of {@code original} (body, correlation id) with "kefu_error" = reason. */
    public static void send(JMSContext jms, Queue deadLetters, Message original, String reason) {
        try {
            TextMessage copy = jms.createTextMessage(original instanceof TextMessage t ? t.getText() : null);
            copy.setStringProperty("kefu_error", reason);
            copy.setStringProperty("kefu_original_id", original.getJMSMessageID());
            if (original.getJMSCorrelationID() != null) {
                copy.setJMSCorrelationID(original.getJMSCorrelationID());
            }
            jms.createProducer().send(deadLetters, copy);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot dead-letter message: " + e.getMessage(), e);
        }
    }

    /** The message's id for a log line, even when the message cannot tell it. */
    public static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
