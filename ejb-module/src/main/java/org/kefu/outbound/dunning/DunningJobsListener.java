package org.kefu.outbound.dunning;

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
import org.kefu.outbound.MalformedJob;
import org.kefu.platform.DeadLetters;

/**
 * Takes dunning jobs from kefu.dunning. A job Kefu cannot carry out as written (not JSON, no such
 * reminder) goes to kefu.dunning.DLQ at once with its reason ({@code kefu_error}) and changes
 * nothing. Two sessions: how fast reminders go out is the SMSC's and mail server's pace.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/dunning"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class DunningJobsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DunningJobsListener.class);

    @EJB
    private NoticeDelivery delivery;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/dunning/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new MalformedJob("expected a text message with a JSON body");
            }
            delivery.deliver(DunningJob.parse(text.getText()));
        } catch (MalformedJob e) {
            LOG.warnf("Dunning job %s rejected: %s", DeadLetters.idOf(message), e.getMessage());
            DeadLetters.send(jms, deadLetters, message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read dunning job " + DeadLetters.idOf(message), e);
        }
    }
}
