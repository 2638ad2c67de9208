package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.kefu.outbound.CallbackDialer;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands from the back office on kefu.backoffice.in: freeze and unfreeze an account
 * (idempotent by the command's id), update a customer, request a callback (a job on
 * kefu.callbacks, taken at once as a request that waits to be dialled), open a ticket (once, whatever the retries);
 * a command Kefu cannot carry out is dead-lettered with its reason and changes
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
class BackOfficeCommandsIT {


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return Deployments.bankingProbe("backoffice-probe.war", BackOfficeCommandsIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in")
    private Queue in;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue out;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue dlq;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallbackDialer!org.kefu.outbound.CallbackDialer")
    private CallbackDialer callbacks;

    @Test
    @OperateOnDeployment("probe")
    void freezingIsDoneOnceAndConfirmed() throws Exception {
        BankingFixtures f = new BankingFixtures(ledger, kefu);
        String account = f.customer("10.00", "500.00", "800.00");
        String id = "freeze-" + UUID.randomUUID();
        String command = "{\"type\":\"freeze-account\",\"id\":\"" + id + "\",\"account\":\"" + account + "\",\"reason\":\"court order\"}";

        String ack = send(command, id);
        assertTrue(ack.contains("\"type\":\"ack\"") && ack.contains("\"replayed\":false"), ack);
        assertEquals("FROZEN", f.ledgerString("SELECT status FROM ledger_account WHERE account_number = ?", account));
        // The back office sends the same command again (its own retry): answered, not redone.
        String again = send(command, id + "-again");
        assertTrue(again.contains("\"replayed\":true"), again);
        assertEquals(1, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE idempotency_key = ? AND operation = 'ACCOUNT_FREEZE' AND channel = 'BACKOFFICE'", "bo:" + id));

        String unfreeze = "unfreeze-" + UUID.randomUUID();
        send("{\"type\":\"unfreeze-account\",\"id\":\"" + unfreeze + "\",\"account\":\"" + account + "\"}", unfreeze);
        assertEquals("ACTIVE", f.ledgerString("SELECT status FROM ledger_account WHERE account_number = ?", account));
    }

    @Test
    @OperateOnDeployment("probe")
    void aCustomerIsUpdated() throws Exception {
        String idNumber = "IT" + UUID.randomUUID().toString().substring(0, 16);
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO customer (name, id_number, vip_level, lang) VALUES ('IT', ?, 0, 'zh-CN')")) {
            ps.setString(1, idNumber);
            ps.executeUpdate();
        }
        String id = "upd-" + UUID.randomUUID();
        send("{\"type\":\"update-customer\",\"id\":\"" + id + "\",\"idNumber\":\"" + idNumber
                + "\",\"address\":\"广州市海珠区\",\"vipLevel\":2,\"lang\":\"en\"}", id);
        assertEquals("广州市海珠区|2|en", kefuRow("SELECT address || '|' || vip_level || '|' || lang FROM customer WHERE id_number = ?", idNumber));
    }

    @Test
    @OperateOnDeployment("probe")
    void aCallbackRequestBecomesARequestWaitingToBeDialled() throws Exception {
        String id = "cb-" + UUID.randomUUID();
        send("{\"type\":\"request-callback\",\"id\":\"" + id + "\",\"phone\":\"13800138000\",\"reason\":\"loan offer\"}", id);
        // The job on kefu.callbacks is taken at once: a request, attempt 1, to be dialled from a hotline agent's desk.
        String request = null;
        for (long until = System.currentTimeMillis() + 15_000; request == null && System.currentTimeMillis() < until; Thread.sleep(200)) {
            request = kefuRow("SELECT id FROM callback_request WHERE request_key = ? AND attempts = 1", "bo:" + id);
        }
        assertNotNull(request, "the job became request bo:" + id + " with its first attempt");
        try {
            assertEquals("13800138000|hotline|loan offer|QUEUED", kefuRow("SELECT phone || '|' || queue_code || '|' || reason || '|' || status"
                    + " FROM callback_request WHERE request_key = ?", "bo:" + id));
            assertEquals("WAITING", kefuRow("SELECT status FROM callback_attempt WHERE request_id = CAST(? AS BIGINT)", request));
        } finally {
            // Nobody is to be dialled by a later test's ready agent.
            callbacks.cancel(Long.parseLong(request), "backoffice-it");
        }
        assertEquals("CANCELLED", kefuRow("SELECT status FROM callback_request WHERE request_key = ?", "bo:" + id));
    }

    @Test
    @OperateOnDeployment("probe")
    void aTicketIsOpenedForACustomerOnceEvenWhenTheCommandComesTwice() throws Exception {
        String id = "ticket-" + UUID.randomUUID();
        String subject = "网点投诉 " + id.substring(7, 15);
        String command = "{\"type\":\"open-ticket\",\"id\":\"" + id + "\",\"ticketType\":\"COMPLAINT\",\"category\":\"CARDS\","
                + "\"subject\":\"" + subject + "\",\"description\":\"柜台排队两小时 " + id + "\",\"idNumber\":\"440101198001010017\"}";
        String ack = send(command, id);
        assertTrue(ack.contains("\"type\":\"ack\"") && ack.contains("\"command\":\"open-ticket\"") && ack.contains("\"repeat\":false"), ack);
        String number = ack.replaceAll(".*\"ticket\":(\\d+).*", "$1");
        assertEquals("BACKOFFICE|backoffice|COMPLAINT|NEW|" + subject, kefuRow("SELECT channel || '|' || created_by || '|' || ticket_type || '|'"
                + " || status || '|' || subject FROM ticket WHERE id = CAST(? AS BIGINT)", number));
        assertEquals("440101198001010017", kefuRow("SELECT c.id_number FROM ticket t JOIN customer c ON c.id = t.customer_id"
                + " WHERE t.id = CAST(? AS BIGINT)", number), "张三's");
        // The back office's own retry: noted on the same ticket, not a second one.
        String again = send(command, id + "-again");
        assertTrue(again.contains("\"ticket\":" + number) && again.contains("\"repeat\":true"), again);
        assertEquals("1", kefuRow("SELECT COUNT(*) FROM ticket WHERE subject = ?", subject));
    }

    @Test
    @OperateOnDeployment("probe")
    void commandsThatCannotBeCarriedOutAreDeadLetteredWithTheirReason() throws Exception {
        BankingFixtures f = new BankingFixtures(ledger, kefu);
        String account = f.customer("10.00", "500.00", "800.00");
        assertDeadLettered("{\"type\":\"freeze-account\",\"id\":\"x1\",\"account\":\"6222029999999999\"}", "UNKNOWN_ACCOUNT");
        assertDeadLettered("{\"type\":\"freeze-account\",\"id\":\"x2\",\"account\":\"INT-OPENING\"}", "UNKNOWN_ACCOUNT");
        assertDeadLettered("{\"type\":\"freeze-account\",\"account\":\"" + account + "\"}", "command \"freeze-account\" needs an \"id\"");
        assertDeadLettered("{\"type\":\"freeze-account\",\"id\":\"x3\",\"account\":42}", "field \"account\" must be a string");
        assertDeadLettered("{\"type\":\"update-customer\",\"id\":\"x4\",\"idNumber\":\"nobody\"}", "UNKNOWN_CUSTOMER");
        assertDeadLettered("{\"type\":\"update-customer\",\"id\":\"x5\",\"idNumber\":\"440101198502020029\",\"vipLevel\":12}", "field \"vipLevel\" must be between 0 and 9");
        assertDeadLettered("{\"type\":\"request-callback\",\"id\":\"x6\",\"phone\":\"call me\"}", "field \"phone\" must be 3 to 20 digits");
        assertDeadLettered("{\"type\":\"transfer-everything\",\"id\":\"x7\"}", "unknown command type");
        assertDeadLettered("{\"type\":\"open-ticket\",\"id\":\"x8\",\"category\":\"NO_SUCH\",\"subject\":\"s\",\"phone\":\"13800138000\"}", "UNKNOWN_CATEGORY");
        assertDeadLettered("{\"type\":\"open-ticket\",\"id\":\"x9\",\"category\":\"CARDS\",\"ticketType\":\"GOSSIP\",\"subject\":\"s\",\"phone\":\"13800138000\"}", "UNKNOWN_TYPE");
        assertDeadLettered("{\"type\":\"open-ticket\",\"id\":\"x10\",\"category\":\"CARDS\",\"subject\":\"s\"}", "an \"idNumber\" or a \"phone\"");
        assertDeadLettered("{\"type\":\"open-ticket\",\"id\":\"x11\",\"category\":\"CARDS\",\"subject\":\"s\",\"idNumber\":\"nobody\"}", "UNKNOWN_CUSTOMER");
        assertDeadLettered("{\"type\":\"open-ticket\",\"id\":\"x12\",\"subject\":\"s\",\"phone\":\"13800138000\"}", "missing string field \"category\"");
        assertEquals("ACTIVE", f.ledgerString("SELECT status FROM ledger_account WHERE account_number = ?", account));
        assertEquals("0", kefuRow("SELECT vip_level FROM customer WHERE id_number = ?", "440101198502020029"));
    }

    private void assertDeadLettered(String command, String reasonStart) throws Exception {
        String correlation = "bad-" + UUID.randomUUID();
        try (JMSContext ctx = jms.createContext()) {
            TextMessage m = ctx.createTextMessage(command);
            m.setJMSCorrelationID(correlation);
            ctx.createProducer().send(in, m);
            try (JMSConsumer dead = ctx.createConsumer(dlq, "JMSCorrelationID = '" + correlation + "'")) {
                Message d = dead.receive(15_000);
                assertNotNull(d, command + " reaches the DLQ");
                String reason = d.getStringProperty("kefu_error");
                assertTrue(reason != null && reason.startsWith(reasonStart), command + " -> " + reason);
            }
            try (JMSConsumer replies = ctx.createConsumer(out, "JMSCorrelationID = '" + correlation + "'")) {
                assertNull(replies.receive(300), "no answer for " + command);
            }
        }
    }

    /** Sends a command and returns the answer quoting its correlation id. */
    private String send(String command, String correlation) throws Exception {
        try (JMSContext ctx = jms.createContext()) {
            TextMessage m = ctx.createTextMessage(command);
            m.setJMSCorrelationID(correlation);
            ctx.createProducer().send(in, m);
            try (JMSConsumer replies = ctx.createConsumer(out, "JMSCorrelationID = '" + correlation + "'")) {
                Message reply = replies.receive(15_000);
                assertNotNull(reply, "an answer to " + command);
                return reply.getBody(String.class);
            }
        }
    }

    private String kefuRow(String sql, String arg) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
