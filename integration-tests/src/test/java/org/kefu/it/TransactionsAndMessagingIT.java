package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server, beside the deployed Kefu EAR: one JTA transaction over both XA
 * datasources commits and rolls back in both; a failure in the second database undoes the first;
 * the back-office queue answers a ping through Kefu's MDB; a malformed message is dead-lettered
 * with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionsAndMessagingIT {


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClass(TransactionsAndMessagingIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource
    private UserTransaction tx;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in")
    private Queue backOfficeIn;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue backOfficeOut;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue backOfficeInDlq;

    @Test
    @OperateOnDeployment("probe")
    void oneTransactionCommitsInBothDatabases() throws Exception {
        String account = "IT" + UUID.randomUUID().toString().substring(0, 12);

        tx.begin();
        insertLedgerAccount(account);
        insertAudit(account, "SUCCESS");
        tx.commit();

        assertTrue(ledgerAccountExists(account), "ledger row committed");
        assertEquals(1, auditRows(account), "journal row committed");
    }

    @Test
    @OperateOnDeployment("probe")
    void oneTransactionRollsBackInBothDatabases() throws Exception {
        String account = "IT" + UUID.randomUUID().toString().substring(0, 12);

        tx.begin();
        insertLedgerAccount(account);
        insertAudit(account, "SUCCESS");
        tx.rollback();

        assertFalse(ledgerAccountExists(account), "ledger row rolled back");
        assertEquals(0, auditRows(account), "journal row rolled back");
    }

    @Test
    @OperateOnDeployment("probe")
    void aFailureInTheSecondDatabaseUndoesTheFirst() throws Exception {
        String account = "IT" + UUID.randomUUID().toString().substring(0, 12);

        tx.begin();
        try {
            insertLedgerAccount(account);
            // Violates the outcome check constraint in KefuDS.
            assertThrows(SQLException.class, () -> insertAudit(account, "MAYBE"));
        } finally {
            tx.rollback();
        }

        assertFalse(ledgerAccountExists(account), "nothing left in the ledger");
        assertEquals(0, auditRows(account));
    }

    @Test
    @OperateOnDeployment("probe")
    void theBackOfficeGetsAPongForAPing() throws Exception {
        String correlation = "ping-" + UUID.randomUUID();
        try (JMSContext ctx = jms.createContext()) {
            TextMessage ping = ctx.createTextMessage("{\"type\":\"ping\",\"id\":\"" + correlation + "\"}");
            ping.setJMSCorrelationID(correlation);
            ctx.createProducer().send(backOfficeIn, ping);

            try (JMSConsumer replies = ctx.createConsumer(backOfficeOut, "JMSCorrelationID = '" + correlation + "'")) {
                Message reply = replies.receive(15_000);
                assertNotNull(reply, "a pong arrives within 15 s");
                String body = reply.getBody(String.class);
                assertTrue(body.contains("\"type\":\"pong\""), body);
                assertTrue(body.contains("\"inReplyTo\":\"" + correlation + "\""), body);
                assertEquals("pong", reply.getStringProperty("kefu_type"));
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aMalformedMessageIsDeadLetteredWithItsReason() throws Exception {
        String correlation = "bad-" + UUID.randomUUID();
        try (JMSContext ctx = jms.createContext()) {
            TextMessage bad = ctx.createTextMessage("this is { not json");
            bad.setJMSCorrelationID(correlation);
            ctx.createProducer().send(backOfficeIn, bad);

            try (JMSConsumer dead = ctx.createConsumer(backOfficeInDlq, "JMSCorrelationID = '" + correlation + "'")) {
                Message m = dead.receive(15_000);
                assertNotNull(m, "the message reaches the dead-letter queue");
                assertEquals("this is { not json", m.getBody(String.class), "the body is kept");
                String reason = m.getStringProperty("kefu_error");
                assertNotNull(reason);
                assertTrue(reason.startsWith("not JSON"), reason);
            }
            // And nothing was answered for it.
            try (JMSConsumer replies = ctx.createConsumer(backOfficeOut, "JMSCorrelationID = '" + correlation + "'")) {
                assertEquals(null, replies.receive(500));
            }
        }
    }

    private void insertLedgerAccount(String account) throws SQLException {
        try (Connection c = ledger.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES (?, 'IT', 'INTERNAL', 0)")) {
            ps.setString(1, account);
            ps.executeUpdate();
        }
    }

    private void insertAudit(String target, String outcome) throws SQLException {
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO audit_event (occurred_at, actor, action, target, outcome) VALUES (CURRENT_TIMESTAMP, 'it', 'IT_TEST', ?, ?)")) {
            ps.setString(1, target);
            ps.setString(2, outcome);
            ps.executeUpdate();
        }
    }

    private boolean ledgerAccountExists(String account) throws SQLException {
        try (Connection c = ledger.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_account WHERE account_number = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private int auditRows(String target) throws SQLException {
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE target = ?")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
