package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Protocol JMS (branches GZ01–GZ03): the order as a JSON text message on the branch's own queue
 * {@code kefu.securities.<branch>} (JNDI {@code java:/jms/queue/kefu/securities/<branch>}),
 * sent through the XA connection factory in the caller's transaction. The branch answers on
 * {@code kefu.securities.replies} ({@link BranchReplies}).
 */
@Stateless
@Local(BranchGateway.class)
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JmsBranchGateway implements BranchGateway {

    public static final String PROTOCOL = "JMS";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    public static String queueJndi(String branchCode) {
        return "java:/jms/queue/kefu/securities/" + branchCode;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public void submit(BranchOrder order) {
        Queue queue;
        try {
            queue = (Queue) new InitialContext().lookup(queueJndi(order.branchCode()));
        } catch (NamingException e) {
            throw new IllegalStateException("no JMS queue for branch " + order.branchCode() + ": " + e.getMessage(), e);
        }
        TextMessage message = jms.createTextMessage(order.toJson().toString());
        try {
            message.setJMSCorrelationID(order.orderRef());
            message.setStringProperty("kefu_type", "order");
            message.setStringProperty("kefu_branch", order.branchCode());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prepare order message: " + e.getMessage(), e);
        }
        jms.createProducer().send(queue, message);
    }
}
