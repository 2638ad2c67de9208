package org.kefu.securities.simulator;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.logging.Logger;
import org.kefu.securities.JmsBranchGateway;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SIMULATOR — what the simulated branch systems do with one order, each in its own
 * transaction: take it off the branch queue and answer on the reply queue, or answer a NEW row
 * of the order table in place (plain JDBC, as an external system would).
 */
@Stateless
@PermitAll // local only
public class SimulatedBranchDesk {

    private static final Logger LOG = Logger.getLogger(SimulatedBranchDesk.class);

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/securities/replies")
    private Queue replies;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    /** @return whether an order was taken off the branch's queue */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answerOneJmsOrder(String branch) {
        Queue queue;
        try {
            queue = (Queue) new InitialContext().lookup(JmsBranchGateway.queueJndi(branch));
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
        try (JMSConsumer consumer = jms.createConsumer(queue)) {
            Message m = consumer.receive(50);
            if (m == null) {
                return false;
            }
            JsonObject order = Json.createReader(new StringReader(((TextMessage) m).getText())).readObject();
            String ref = order.getString("orderRef");
            long quantity = order.getJsonNumber("quantity").longValue();
            JsonObjectBuilder answer = Json.createObjectBuilder().add("orderRef", ref).add("branch", branch);
            if (quantity == BranchSimulator.REJECTED_QUANTITY) {
                answer.add("type", "reject").add("reason", "simulated rejection");
            } else {
                answer.add("type", "fill").add("price", order.getString("price")).add("quantity", quantity);
            }
            TextMessage reply = jms.createTextMessage(answer.build().toString());
            reply.setJMSCorrelationID(ref);
            jms.createProducer().send(replies, reply);
            LOG.debugf("Simulated branch %s answered order %s", branch, ref);
            return true;
        } catch (JMSException | RuntimeException e) {
            throw new IllegalStateException("simulated branch " + branch + ": " + e.getMessage(), e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> newTableOrders(int max) {
        List<String> refs = new ArrayList<>();
        try (Connection c = ledger.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT order_ref FROM branch_order_box WHERE status = 'NEW' ORDER BY submitted_at")) {
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return refs;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void answerTableOrder(String ref) {
        try (Connection c = ledger.getConnection()) {
            long quantity;
            BigDecimal price;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT quantity, limit_price FROM branch_order_box WHERE order_ref = ? AND status = 'NEW' FOR UPDATE")) {
                ps.setString(1, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    quantity = rs.getLong(1);
                    price = rs.getBigDecimal(2);
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            if (quantity == BranchSimulator.REJECTED_QUANTITY) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE branch_order_box SET status = 'REJECTED', reject_reason = 'simulated rejection', answered_at = ? WHERE order_ref = ?")) {
                    ps.setTimestamp(1, now);
                    ps.setString(2, ref);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE branch_order_box SET status = 'FILLED', fill_price = ?, fill_quantity = ?, answered_at = ? WHERE order_ref = ?")) {
                    ps.setBigDecimal(1, price);
                    ps.setLong(2, quantity);
                    ps.setTimestamp(3, now);
                    ps.setString(4, ref);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
