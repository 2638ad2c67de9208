package org.kefu.backoffice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.kefu.banking.BackOfficeEvents;

/**
 * Messages from Kefu to the bank's back office (queue kefu.backoffice.out). Sent inside the
 * caller's JTA transaction through the XA connection factory, so a message leaves if and only
 * if the business change it reports commits.
 */
@Stateless
@LocalBean
@Local(BackOfficeEvents.class)
@PermitAll
public class BackOfficeOutbound implements BackOfficeEvents {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue outbound;

    @Override
    public void send(JsonObject body, String correlationId) {
        TextMessage message = jms.createTextMessage(body.toString());
        try {
            message.setStringProperty("kefu_type", body.getString("type", "unknown"));
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("cannot prepare back-office message: " + e.getMessage(), e);
        }
        jms.createProducer().send(outbound, message);
    }
}
