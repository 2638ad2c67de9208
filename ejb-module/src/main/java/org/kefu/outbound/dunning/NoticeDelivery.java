package org.kefu.outbound.dunning;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.outbound.ChannelDown;
import org.kefu.outbound.MailSender;
import org.kefu.outbound.MalformedJob;
import org.kefu.outbound.SmppSender;

import java.util.Optional;

/** Sends one reminder: claim it, hand it to the SMSC or the mail server (or call), record what happened. */
@Stateless
@PermitAll // local only: the job listener
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    @EJB
    private NoticeClaims claims;

    @EJB
    private SmppSender sms;

    @EJB
    private MailSender mail;

    @EJB
    private VoiceReminders voice;

    public void deliver(DunningJob job) throws MalformedJob {
        Optional<NoticeClaims.Claim> claimed = claims.claim(job.noticeId());
        if (claimed.isEmpty()) {
            return;
        }
        NoticeClaims.Claim c = claimed.get();
        if (c.channel() == NoticeChannel.VOICE) {
            voice.dial(c); // the call's answer or failure settles it
            return;
        }
        String reference;
        try {
            reference = switch (c.channel()) {
                case SMS -> sms.send(c.to(), c.text().sms());
                case EMAIL -> mail.send(c.to(), c.text().subject(), c.text().body());
                case VOICE -> throw new IllegalStateException("a call is not sent");
            };
        } catch (ChannelDown e) {
            LOG.warnf("Dunning notice %d by %s not sent: %s", c.id(), c.channel(), e.getMessage());
            claims.notSent(c.id(), e);
            return;
        }
        claims.sent(c.id(), reference);
        LOG.infof("Dunning notice %d sent by %s (%s)", c.id(), c.channel(), reference);
    }
}
