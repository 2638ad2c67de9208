package org.kefu.outbound.informing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import org.jboss.logging.Logger;
import org.kefu.outbound.ChannelDown;
import org.kefu.outbound.JobListener;
import org.kefu.outbound.MailSender;
import org.kefu.outbound.MalformedJob;
import org.kefu.outbound.SmppSender;

import java.util.Optional;

/**
 * Sends the answer notices on kefu.tickets.notices: claim, hand to the SMSC or the mail server,
 * record what happened. Malformed jobs (not JSON, no such notice) go to kefu.tickets.notices.DLQ
 * with their reason and change nothing ({@link JobListener}).
 */
@MessageDriven(messageListenerInterface = MessageListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/tickets/notices"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll // the broker delivers without a caller; only Kefu itself may send to this queue
public class AnswerNoticeJobsListener extends JobListener {

    private static final Logger LOG = Logger.getLogger(AnswerNoticeJobsListener.class);

    @EJB
    private AnswerNoticeClaims claims;

    @EJB
    private SmppSender sms;

    @EJB
    private MailSender mail;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/notices/DLQ")
    private Queue deadLetters;

    @Override
    protected void carryOut(String text) throws MalformedJob {
        AnswerNoticeJob job = AnswerNoticeJob.parse(text);
        Optional<AnswerNoticeClaims.Claim> claimed = claims.claim(job.noticeId());
        if (claimed.isEmpty()) {
            return;
        }
        AnswerNoticeClaims.Claim c = claimed.get();
        String reference;
        try {
            reference = switch (c.channel()) {
                case SMS -> sms.send(c.to(), c.text().sms());
                case EMAIL -> mail.send(c.to(), c.text().subject(), c.text().body());
                case CALL -> throw new MalformedJob("notice " + c.id() + " is a call back, not a message");
            };
        } catch (ChannelDown e) {
            LOG.warnf("Answer notice %d by %s not sent: %s", c.id(), c.channel(), e.getMessage());
            claims.notSent(c.id(), e);
            return;
        }
        claims.sent(c.id(), reference);
        LOG.infof("Answer notice %d sent by %s (%s)", c.id(), c.channel(), reference);
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
