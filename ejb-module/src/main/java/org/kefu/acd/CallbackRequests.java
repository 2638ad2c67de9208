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
 * Puts an outbound-call job on kefu.callbacks, where the dialer picks it up. In the caller's
 * XA transaction: the job exists if and only if the request that asked for it was consumed.
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
        TextMessage message = jms.createTextMessage(job.toString());
        try {
            message.setStringProperty("kefu_type", "callback");
            message.setJMSCorrelationID(correlationId);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prepare callback job: " + e.getMessage(), e);
        }
        jms.createProducer().send(callbacks, message);
    }
}
