package org.kefu.outbound.dunning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import org.jboss.logging.Logger;
import org.kefu.outbound.JobListener;
import org.kefu.outbound.MalformedJob;

/**
 * Takes dunning jobs from kefu.dunning; malformed ones (not JSON, no such reminder) go to
 * kefu.dunning.DLQ with their reason and change nothing ({@link JobListener}). Two sessions: how
 * fast reminders go out is the SMSC's and mail server's pace.
 */
@MessageDriven(messageListenerInterface = MessageListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/dunning"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class DunningJobsListener extends JobListener {

    private static final Logger LOG = Logger.getLogger(DunningJobsListener.class);

    @EJB
    private NoticeDelivery delivery;

    @Resource(lookup = "java:/jms/queue/kefu/dunning/DLQ")
    private Queue deadLetters;

    @Override
    protected void carryOut(String text) throws MalformedJob {
        delivery.deliver(DunningJob.parse(text));
    }

    @Override
    protected Queue deadLetters() {
        return deadLetters;
    }

    @Override
    protected Logger log() {
        return LOG;
    }
}
