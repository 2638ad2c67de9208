package org.kefu.it;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Securities test data and invariants, in the server with plain JDBC: each test opens accounts
 * of its own; opening cash is posted against INT-OPENING and opening shares against
 * SEC-OPENING, as the demo migration does, so money and shares keep summing to zero.
 */
final class SecuritiesFixtures {

    private final DataSource ledger;

    SecuritiesFixtures(DataSource ledger) {
        this.ledger = ledger;
    }

    /** A customer's securities account at the branch, with opening cash. */
    String account(String branch, String cash) throws SQLException {
        String id = "T" + branch + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String cashAccount = "SEC-" + id;
        BigDecimal amount = new BigDecimal(cash);
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES (?, 'IT', 'SECURITIES', ?)", cashAccount, amount);
            update(c, "INSERT INTO sec_account (account_id, holder_name, kind, branch_code, cash_account) VALUES (?, 'IT', 'CUSTOMER', ?, ?)",
                    id, branch, cashAccount);
            if (amount.signum() != 0) {
                String ref = "OPENING-" + cashAccount;
                update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES (?, ?, ?, 'OPENING', 'it', CURRENT_TIMESTAMP)",
                        ref, cashAccount, amount);
                update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES (?, 'INT-OPENING', ?, 'OPENING', 'it', CURRENT_TIMESTAMP)",
                        ref, amount.negate());
                update(c, "UPDATE ledger_account SET balance = balance - ? WHERE account_number = 'INT-OPENING'", amount);
            }
        }
        return id;
    }

    /** Opening shares, taken from SEC-OPENING. */
    void shares(String account, String code, long quantity) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO sec_position (account_id, stock_code, quantity) VALUES (?, ?, ?)", account, code, quantity);
            if (count(c, "SELECT COUNT(*) FROM sec_position WHERE account_id = 'SEC-OPENING' AND stock_code = ?", code) == 0) {
                update(c, "INSERT INTO sec_position (account_id, stock_code, quantity) VALUES ('SEC-OPENING', ?, 0)", code);
            }
            update(c, "UPDATE sec_position SET quantity = quantity - ? WHERE account_id = 'SEC-OPENING' AND stock_code = ?", quantity, code);
        }
    }

    void freeze(String account) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            update(c, "UPDATE sec_account SET status = 'FROZEN' WHERE account_id = ?", account);
        }
    }

    BigDecimal cash(String account) throws SQLException {
        try (Connection c = ledger.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.balance FROM ledger_account a JOIN sec_account s ON s.cash_account = a.account_number WHERE s.account_id = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    long shares(String account, String code) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            return count(c, "SELECT COALESCE(SUM(quantity), 0) FROM sec_position WHERE account_id = ? AND stock_code = ?", account, code);
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            return count(c, sql, args);
        }
    }

    String string(String sql, Object... args) throws SQLException {
        try (Connection c = ledger.getConnection(); PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Shares are moved, never made or lost (every stock's quantities sum to zero over all
     * accounts); no hold outlives its order; every closed order has no active hold.
     */
    void assertInvariants() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT stock_code FROM sec_position GROUP BY stock_code HAVING SUM(quantity) <> 0) s"),
                "every stock's positions sum to zero");
        assertEquals(0, count("SELECT COUNT(*) FROM account_hold h JOIN sec_order o ON o.order_ref = h.reference "
                + "WHERE h.status = 'ACTIVE' AND o.status <> 'SUBMITTED'"), "no active cash hold for a closed order");
        assertEquals(0, count("SELECT COUNT(*) FROM sec_share_hold h JOIN sec_order o ON o.order_ref = h.reference "
                + "WHERE h.status = 'ACTIVE' AND o.status <> 'SUBMITTED'"), "no active share hold for a closed order");
        assertEquals(0, count("SELECT COUNT(*) FROM sec_position p JOIN sec_account a ON a.account_id = p.account_id "
                + "WHERE a.kind = 'CUSTOMER' AND p.quantity < 0"), "no customer is short");
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args)) {
            ps.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
