package org.kefu.outbound;

import jakarta.annotation.security.PermitAll;
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

/**
 * What the outbound job listeners (kefu.callbacks, kefu.dunning) share: a job is a text message
 * with a JSON body, carried out in the listener's XA transaction; one Kefu cannot carry out as
 * written goes to the queue's dead-letter queue at once with its reason ({@code kefu_error}) and
 * changes nothing; any other failure rolls back and the broker redelivers it with backoff.
 */
@PermitAll // on the base class: a subclass's class-level @PermitAll does not cover the onMessage it inherits
public abstract class JobListener implements MessageListener {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    /** Carries out the job whose JSON body is {@code text}. */
    protected abstract void carryOut(String text) throws MalformedJob;

    /** Where a malformed job goes. */
    protected abstract Queue deadLetters();

    protected abstract Logger log();

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new MalformedJob("expected a text message with a JSON body");
            }
            carryOut(text.getText());
        } catch (MalformedJob e) {
            log().warnf("Job %s rejected: %s", DeadLetters.idOf(message), e.getMessage());
            DeadLetters.send(jms, deadLetters(), message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read job " + DeadLetters.idOf(message), e);
        }
    }
}
