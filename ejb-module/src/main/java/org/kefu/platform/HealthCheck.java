package org.kefu.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Checks what Kefu cannot work without: both databases, the broker (and how many jobs sit in
 * the dead-letter queues, which an operator must look at), and the switch link.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthCheck {

    @Resource(lookup = SchemaMigrator.KEFU_DS)
    private DataSource kefu;

    @Resource(lookup = SchemaMigrator.LEDGER_DS)
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks/DLQ")
    private Queue callbacksDlq;

    @Resource(lookup = "java:/jms/queue/kefu/dunning/DLQ")
    private Queue dunningDlq;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue backofficeInDlq;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out/DLQ")
    private Queue backofficeOutDlq;

    @Resource(lookup = "java:/jms/queue/kefu/securities/replies/DLQ")
    private Queue securitiesRepliesDlq;

    @Resource(lookup = "java:/jms/queue/kefu/securities/GZ01/DLQ")
    private Queue gz01Dlq;

    @Resource(lookup = "java:/jms/queue/kefu/securities/GZ02/DLQ")
    private Queue gz02Dlq;

    @Resource(lookup = "java:/jms/queue/kefu/securities/GZ03/DLQ")
    private Queue gz03Dlq;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    public HealthReport check() {
        return new HealthReport(List.of(
                database("KefuDS", kefu),
                database("LedgerDS", ledger),
                messaging(),
                telephony()));
    }

    private static ComponentHealth database(String name, DataSource ds) {
        try (Connection c = ds.getConnection()) {
            boolean valid = c.isValid(2);
            return new ComponentHealth(name, valid,
                    c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            return new ComponentHealth(name, false, SchemaMigrator.firstLine(e.getMessage()));
        }
    }

    private ComponentHealth messaging() {
        try (JMSContext ctx = jms.createContext()) {
            int dead = count(ctx, callbacksDlq) + count(ctx, dunningDlq)
                    + count(ctx, backofficeInDlq) + count(ctx, backofficeOutDlq)
                    + count(ctx, securitiesRepliesDlq) + count(ctx, gz01Dlq) + count(ctx, gz02Dlq) + count(ctx, gz03Dlq);
            return new ComponentHealth("JMS", true, dead + " message(s) in dead-letter queues");
        } catch (JMSRuntimeException e) {
            return new ComponentHealth("JMS", false, SchemaMigrator.firstLine(e.getMessage()));
        }
    }

    private static int count(JMSContext ctx, Queue queue) {
        try (QueueBrowser browser = ctx.createBrowser(queue)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (jakarta.jms.JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private ComponentHealth telephony() {
        LinkStatus status = switchFactory.linkStatus();
        String detail = status.up() ? String.join(", ", status.endpoints()) + "; " + status.detail() : status.detail();
        return new ComponentHealth("Telephony", status.up(), detail);
    }
}
