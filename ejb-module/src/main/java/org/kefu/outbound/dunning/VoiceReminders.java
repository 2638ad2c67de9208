package org.kefu.outbound.dunning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.acd.DialCheck;
import org.kefu.acd.DialPath;
import org.kefu.acd.DialRefused;
import org.kefu.outbound.CallbackOutcome;
import org.kefu.outbound.ChannelDown;
import org.kefu.outbound.PlacedCalls;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.dialplan.DialRefusedException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dunning by voice: Kefu calls the customer from the utilities' service number
 * ({@code kefu.dunning.voiceNumber}, 96000: the number the customer can call back) and, once
 * answered, the IVR flow {@value #FLOW} speaks the reminder (started by the call flow, which owns
 * IVR sessions). The reminder is SENT when the customer answered; a busy or unanswered phone is
 * tried again like a channel that was down ({@code kefu.dunning.maxTries}, growing pauses).
 * The call has no session in the call table until answered: {@link PlacedCalls} knows it.
 */
@Stateless
@PermitAll // local only: the dunning delivery and the call event router
public class VoiceReminders {

    /** The IVR flow a reminder's call runs. */
    public static final String FLOW = System.getProperty("kefu.dunning.voiceFlow", "dunning-reminder");
    static final String SERVICE_NUMBER = System.getProperty("kefu.dunning.voiceNumber", "96000");
    /** Whose rules the call follows: the utilities queue's, as its agents' calls would. */
    private static final String QUEUE = "utilities";
    private static final String ACTOR = "kefu-dunning";
    private static final Logger LOG = Logger.getLogger(VoiceReminders.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private NoticeClaims claims;

    @EJB
    private PlacedCalls calls;

    @EJB
    private DialCheck dialPolicy;

    /** Places the reminder's call; the customer's phone rings when this returns. */
    public void dial(NoticeClaims.Claim c) {
        try {
            // The categories a system call may reach (audited DIAL_REFUSED): a customer record edited
            // to a premium or international number must not make Kefu call it.
            dialPolicy.check(ACTOR, Set.of("agent"), QUEUE, c.to(), DialPath.DUNNING, null);
        } catch (DialRefused e) {
            claims.notSent(c.id(), new ChannelDown("DIAL_REFUSED: " + e.getMessage(), false, e));
            return;
        }
        try (SwitchConnection sw = switchFactory.getConnection()) {
            CallId call = sw.dialOut(new DeviceId(SERVICE_NUMBER), new DeviceId(c.to()),
                    Map.of(CallData.DUNNING_NOTICE, String.valueOf(c.id())));
            Optional<CallbackOutcome> failedAlready = calls.placed(call, new PlacedCalls.Purpose(PlacedCalls.Kind.DUNNING, c.id()));
            claims.dialled(c.id(), call.value());
            LOG.infof("Dunning notice %d: the customer's phone rings (call %s)", c.id(), call);
            failedAlready.ifPresent(outcome -> unanswered(c.id(), outcome));
        } catch (DialRefusedException e) {
            claims.notSent(c.id(), new ChannelDown("DIAL_REFUSED: " + e.getMessage(), false, e));
        } catch (TelephonyException e) {
            LOG.warnf("Dunning notice %d: the call was not placed: %s", c.id(), e.getMessage());
            claims.notSent(c.id(), new ChannelDown(e.getMessage(), true, e));
        }
    }

    /** The customer answered: true when the flow is to speak the reminder (it was not settled meanwhile). */
    public boolean answered(long noticeId, CallId call) {
        return claims.answered(noticeId, call.value());
    }

    /** The customer's phone was busy, not answered or refused the call. */
    public void unanswered(long noticeId, CallbackOutcome outcome) {
        LOG.infof("Dunning notice %d: the call was not answered (%s)", noticeId, outcome);
        claims.unanswered(noticeId, new ChannelDown(outcome.name(), outcome.worthRetrying(), null));
    }

    /** Answered, but the reminder cannot be spoken (its flow is missing): failed, with the reason. */
    public void unspoken(long noticeId, String why) {
        claims.unanswered(noticeId, new ChannelDown(why, false, null));
    }
}
