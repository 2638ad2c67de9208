package org.kefu.guard;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes the guard's audit rows into KefuDS's audit_event, each in its own autocommit statement. */
final class JdbcAudit implements AuditSink {

    private static final Logger LOG = Logger.getLogger(JdbcAudit.class.getName());

    private final String jndiName;
    private volatile DataSource dataSource;

    JdbcAudit(String jndiName) {
        this.jndiName = jndiName;
    }

    DataSource dataSource() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(jndiName);
            } catch (NamingException e) {
                throw new SQLException("datasource " + jndiName + " not found", e);
            }
            dataSource = ds;
        }
        return ds;
    }

    @Override
    public void record(String actor, String action, String target, boolean success, String detail, String source) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, action, target, outcome, detail, source_address) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setTimestamp(1, Timestamp.from(Instant.now()));
            st.setString(2, cut(actor, 64));
            st.setString(3, action);
            st.setString(4, cut(target, 200));
            st.setString(5, success ? "SUCCESS" : "FAILURE");
            st.setString(6, cut(detail, 1000));
            st.setString(7, cut(source, 64));
            st.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // The attempt is still counted; the trail is the only thing that cannot be written.
            LOG.log(Level.WARNING, "kefu login guard: audit row " + action + " for " + cut(actor, 64) + " not written: " + e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
