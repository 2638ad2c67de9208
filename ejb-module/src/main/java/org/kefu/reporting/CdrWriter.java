package org.kefu.reporting;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of pending CDR changes in one transaction: new rows, then updates, each as one
 * JDBC batch. Plain JDBC rather than JPA because this runs for every call: the entity way (a query
 * for the existing rows, an insert per row because of the identity key, dirty checking) cost more
 * CPU than the rest of the call's database work. An update for a call without a row (opened before
 * this node started, or not by the inbound path) changes nothing, as before.
 */
@Singleton // so that CallDetailRecords can depend on it: its last flush at shutdown needs a live writer
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // no state of its own: batches may be written at once
@PermitAll // local only
public class CdrWriter {

    /** Oracle accepts at most 1,000 values in an IN list. */
    private static final int IN_LIMIT = 500;

    private static final String INSERT = "INSERT INTO call_record (call_ref, direction, ani, dnis, customer_id, queue_code, "
            + "agent_job_number, started_at, answered_at, ended_at, end_cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(Collection<PendingCdr> batch) {
        List<PendingCdr> fresh = new ArrayList<>();
        // Later facts for existing rows, grouped by which facts they carry: one statement per shape.
        Map<String, List<PendingCdr>> updates = new LinkedHashMap<>();
        for (PendingCdr p : batch) {
            if (p.opening) {
                fresh.add(p);
            } else {
                String shape = updateSql(p);
                if (shape != null) {
                    updates.computeIfAbsent(shape, s -> new ArrayList<>()).add(p);
                }
            }
        }
        try (Connection c = kefu.getConnection()) {
            insert(c, fresh, customersByPhone(c, fresh));
            for (Map.Entry<String, List<PendingCdr>> e : updates.entrySet()) {
                update(c, e.getKey(), e.getValue());
            }
        } catch (SQLException e) {
            // The batch stays pending and is tried again (CallDetailRecords).
            throw new IllegalStateException("CDR batch of " + batch.size() + " not written: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, List<PendingCdr> fresh, Map<String, Long> customers) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (PendingCdr p : fresh) {
                ps.setString(1, p.callRef);
                ps.setString(2, p.direction);
                text(ps, 3, p.ani);
                text(ps, 4, p.dnis);
                Long customer = p.ani == null ? null : customers.get(p.ani);
                if (customer == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, customer);
                }
                text(ps, 6, p.queueCode);
                text(ps, 7, p.agentJobNumber);
                time(ps, 8, p.startedAt);
                time(ps, 9, p.answeredAt);
                time(ps, 10, p.endedAt);
                text(ps, 11, p.endedAt == null ? null : p.endCause);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The UPDATE for the facts this change carries (first answer and first end are kept), or null for none. */
    static String updateSql(PendingCdr p) {
        List<String> sets = new ArrayList<>();
        if (p.answeredAt != null) {
            sets.add("answered_at = COALESCE(answered_at, ?)");
        }
        if (p.queueCode != null || p.agentJobNumber != null) {
            sets.add("queue_code = ?");
            sets.add("agent_job_number = ?");
        }
        if (p.endedAt != null) {
            // Both right-hand sides see the row as it was before this statement.
            sets.add("end_cause = CASE WHEN ended_at IS NULL THEN ? ELSE end_cause END");
            sets.add("ended_at = COALESCE(ended_at, ?)");
        }
        return sets.isEmpty() ? null : "UPDATE call_record SET " + String.join(", ", sets) + " WHERE call_ref = ?";
    }

    private static void update(Connection c, String sql, List<PendingCdr> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (PendingCdr p : changes) {
                int i = 1;
                if (p.answeredAt != null) {
                    time(ps, i++, p.answeredAt);
                }
                if (p.queueCode != null || p.agentJobNumber != null) {
                    text(ps, i++, p.queueCode);
                    text(ps, i++, p.agentJobNumber);
                }
                if (p.endedAt != null) {
                    text(ps, i++, p.endCause);
                    time(ps, i++, p.endedAt);
                }
                ps.setString(i, p.callRef);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Long> customersByPhone(Connection c, List<PendingCdr> fresh) throws SQLException {
        Set<String> phones = new LinkedHashSet<>();
        for (PendingCdr p : fresh) {
            if (p.ani != null && !p.ani.isBlank()) {
                phones.add(p.ani);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> all = new ArrayList<>(phones);
        for (int from = 0; from < all.size(); from += IN_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIMIT));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            // The lowest id for a number shared by several customers, the same answer every time.
            try (PreparedStatement ps = c.prepareStatement("SELECT phone, MIN(customer_id) FROM customer_phone WHERE phone IN ("
                    + marks + ") GROUP BY phone")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    private static void text(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private static void time(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
