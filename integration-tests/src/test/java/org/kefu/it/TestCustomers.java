package org.kefu.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Customers a test makes for itself in KefuDS (from a probe inside the server). */
final class TestCustomers {

    private TestCustomers() {
    }

    /** A customer with a mobile, perhaps an e-mail address and a chosen notice channel; its id. */
    static long create(DataSource kefu, String name, String lang, String mobile, String email, String channel) throws SQLException {
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO customer (name, vip_level, lang, email, notice_channel) VALUES (?, 0, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, lang);
            ps.setString(3, email);
            ps.setString(4, channel);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (PreparedStatement phone = c.prepareStatement("INSERT INTO customer_phone (customer_id, phone, kind) VALUES (?, ?, 'MOBILE')")) {
                    phone.setLong(1, id);
                    phone.setString(2, mobile);
                    phone.executeUpdate();
                }
                return id;
            }
        }
    }
}
