package org.kefu.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * What the broker refused on the audit trail (issue 14): a JMS client that signed in but may not
 * send to or consume from a queue (an agent sending back-office commands, anyone forging a branch's
 * answer). Artemis reports each such refusal as a management notification; the broker's
 * notification address is Kefu's topic {@code kefu.brokerNotifications} (wildfly-config
 * messaging.cli), read here in-VM. Failed broker logins are not taken here: they go through Kefu's
 * login guard, which audits them already. At most 20 rows per login a minute, then a count.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/topic/kefu/brokerNotifications"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "_AMQ_NotifType = 'SECURITY_PERMISSION_VIOLATION'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@PermitAll // the broker delivers without a caller
public class BrokerRefusals implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BrokerRefusals.class);
    /** Shared by the pool's instances: the allowance is per login, not per bean instance. */
    private static final AuditAllowance ALLOWANCE = new AuditAllowance(Clock.systemUTC(), 20, Duration.ofMinutes(1));

    @EJB
    private AuditLog audit;

    @Override
    public void onMessage(Message notification) {
        try {
            String user = notification.getStringProperty("_AMQ_User");
            String address = queueName(notification.getStringProperty("_AMQ_Address"));
            String check = notification.getStringProperty("_AMQ_CheckType");
            String source = notification.getStringProperty("_AMQ_RemoteAddress");
            AuditAllowance.Verdict verdict = ALLOWANCE.next(user == null ? "?" : user);
            if (!verdict.record()) {
                return;
            }
            ALLOWANCE.sweep(); // only when a row is written: a flood of refusals does not walk the map each time
            String detail = (check == null ? "?" : check) + " on " + address + ": not allowed by the broker's security settings"
                    + (verdict.leftOutBefore() > 0 ? " (and " + verdict.leftOutBefore() + " more refusals of this login before, not recorded one by one)" : "");
            audit.record(AuditText.clip(user, 64), "JMS_REFUSED", AuditText.clip(address, 200), AuditOutcome.DENIED,
                    AuditText.clip(detail, 1000), AuditText.clip(source, 64));
        } catch (JMSException e) {
            LOG.warnf("A broker notification could not be read: %s", e.getMessage());
        }
    }

    /** "jms.queue.kefu.backoffice.in" → "kefu.backoffice.in" (the name clients know the queue by). */
    static String queueName(String address) {
        if (address == null) {
            return null;
        }
        for (String prefix : new String[] {"jms.queue.", "jms.topic."}) {
            if (address.startsWith(prefix)) {
                return address.substring(prefix.length());
            }
        }
        return address;
    }
}
