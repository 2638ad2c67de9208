package org.kefu.bench.xa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One transfer as SQL, the same statements in both modes: lock both accounts in number order,
 * check the funds, two postings, two balance updates, one journal row. Only the connections
 * (and so the transaction) differ between the XA and the local mode.
 */
final class TransferSql {

    private TransferSql() {
    }

    /** @return the movement reference */
    static String transfer(Connection ledger, Connection journal, String journalTable, String from, String to,
                           BigDecimal amount, String key) throws SQLException {
        BigDecimal fromBalance = null;
        try (PreparedStatement ps = ledger.prepareStatement(
                "SELECT account_number, balance FROM ledger_account WHERE account_number IN (?, ?) ORDER BY account_number FOR UPDATE")) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(from)) {
                        fromBalance = rs.getBigDecimal(2);
                    }
                }
            }
        }
        if (fromBalance == null || fromBalance.compareTo(amount) < 0) {
            throw new SQLException("insufficient funds on " + from);
        }
        String ref = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = ledger.prepareStatement(
                "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES (?, ?, ?, 'TRANSFER', 'bench', ?)")) {
            ps.setString(1, ref);
            ps.setString(2, from);
            ps.setBigDecimal(3, amount.negate());
            ps.setTimestamp(4, now);
            ps.addBatch();
            ps.setString(1, ref);
            ps.setString(2, to);
            ps.setBigDecimal(3, amount);
            ps.setTimestamp(4, now);
            ps.addBatch();
            ps.executeBatch();
        }
        try (PreparedStatement ps = ledger.prepareStatement(
                "UPDATE ledger_account SET balance = balance + ?, version = version + 1 WHERE account_number = ?")) {
            ps.setBigDecimal(1, amount.negate());
            ps.setString(2, from);
            ps.addBatch();
            ps.setBigDecimal(1, amount);
            ps.setString(2, to);
            ps.addBatch();
            ps.executeBatch();
        }
        try (PreparedStatement ps = journal.prepareStatement("INSERT INTO " + journalTable
                + " (idempotency_key, operation, channel, account_number, counterparty, amount, status, reference, created_at)"
                + " VALUES (?, 'TRANSFER', 'IVR', ?, ?, ?, 'COMPLETED', ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setBigDecimal(4, amount);
            ps.setString(5, ref);
            ps.setTimestamp(6, now);
            ps.executeUpdate();
        }
        return ref;
    }
}
