package org.kefu.acd;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

/**
 * Puts a callback job on kefu.callbacks, where {@code org.kefu.outbound.CallbackJobsListener}
 * takes it. In the caller's XA transaction: the job exists if and only if the request that asked
 * for it was consumed.
 */
@Stateless
@PermitAll // local only
public class CallbackRequests {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks")
    private Queue callbacks;

    public void enqueue(JsonObject job, String correlationId) {
        enqueue(job, correlationId, java.time.Duration.ZERO);
    }

    /** The same, delivered no earlier than {@code delay} from now (a retry, a "not before"). */
    public void enqueue(JsonObject job, String correlationId, java.time.Duration delay) {
        TextMessage message = jms.createTextMessage(job.toString());
        try {
            message.setStringProperty("kefu_type", "callback");
            message.setJMSCorrelationID(correlationId);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prepare callback job: " + e.getMessage(), e);
        }
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(callbacks, message);
    }
}
