package org.kefu.bench.soak;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The soak's back office: takes every message off kefu.backoffice.out and records it as one row
 * of soak_delivery, in one XA transaction with the receipt (container-managed, REQUIRED), the way
 * a back office that processes "in a transaction of its own" would. No uniqueness on the row: a
 * message delivered twice leaves two rows, which is what the soak's checks count.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/backoffice/out"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll
public class BackOfficeRecorder implements MessageListener {

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Override
    public void onMessage(Message message) {
        try {
            String body = message instanceof TextMessage t ? t.getText() : null;
            JsonObject json = body == null ? null : Json.createReader(new StringReader(body)).readObject();
            String reference = message.getJMSCorrelationID();
            if (reference == null && json != null) {
                reference = json.getString("reference", null);
            }
            String type = message.getStringProperty("kefu_type");
            String key = json == null ? null : json.getString("idempotencyKey", null);
            try (Connection c = ledger.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO soak_delivery (reference, kefu_type, idempotency_key, message_id, delivery_count) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, reference);
                ps.setString(2, type);
                ps.setString(3, key);
                ps.setString(4, message.getJMSMessageID());
                ps.setInt(5, message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0);
                ps.executeUpdate();
            }
        } catch (JMSException | SQLException e) {
            // Rolls the receipt back: the broker redelivers.
            throw new IllegalStateException("back office could not record " + e.getMessage(), e);
        }
    }
}
