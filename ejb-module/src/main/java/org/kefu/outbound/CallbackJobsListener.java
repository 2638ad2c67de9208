package org.kefu.outbound;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Takes callback jobs from kefu.callbacks, in one XA transaction with what the job changes (the
 * request's attempt row); malformed ones go to kefu.callbacks.DLQ with their reason
 * ({@link JobListener}). How fast callbacks are dialled is set by free agents, not by how fast
 * jobs arrive.
 */
@MessageDriven(messageListenerInterface = MessageListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/callbacks"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class CallbackJobsListener extends JobListener {

    private static final Logger LOG = Logger.getLogger(CallbackJobsListener.class);

    @EJB
    private CallbackDialer dialer;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks/DLQ")
    private Queue deadLetters;

    @Override
    protected void carryOut(String text) throws MalformedJob {
        dialer.accept(CallbackJob.parse(text, Instant.now()));
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
