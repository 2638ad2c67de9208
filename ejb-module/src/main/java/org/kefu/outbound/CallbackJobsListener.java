package org.kefu.outbound;

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
import org.jboss.logging.Logger;
import org.kefu.platform.DeadLetters;

import java.time.Instant;

/**
 * Takes callback jobs from kefu.callbacks, in one XA transaction with what the job changes (the
 * request's attempt row). A job Kefu cannot carry out as written goes to kefu.callbacks.DLQ at
 * once with its reason ({@code kefu_error}) and changes nothing; a job that fails for another
 * reason (the database, say) rolls back and is redelivered with backoff, then dead-lettered by
 * the broker after its attempts. How fast callbacks are dialled is set by free agents, not by
 * how fast jobs arrive.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/callbacks"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class CallbackJobsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CallbackJobsListener.class);

    @EJB
    private CallbackDialer dialer;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new MalformedJob("expected a text message with a JSON body");
            }
            dialer.accept(CallbackJob.parse(text.getText(), Instant.now()));
        } catch (MalformedJob e) {
            LOG.warnf("Callback job %s rejected: %s", DeadLetters.idOf(message), e.getMessage());
            DeadLetters.send(jms, deadLetters, message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read callback job " + DeadLetters.idOf(message), e);
        }
    }
}
