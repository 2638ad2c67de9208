package org.kefu.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test data and invariant checks for the banking probes, run inside the server with plain JDBC
 * (auto-commit), so that each test has accounts of its own and never depends on another's.
 * Opening balances are posted against INT-OPENING, as the migrations do, so the invariants hold.
 */
final class BankingFixtures {

    /** PIN 888888 for every fixture card (PBKDF2, made with tools/pin-hash/PinHash.java). */
    static final String PIN = "888888";
    private static final String PIN_SALT = "qdKn7mJZhyPwHVP4NYwexA==";
    private static final String PIN_HASH = "l5He1dyOThwStm5pmuI7/AtVg/BOYJePzXXHgUpSSyM=";

    private final DataSource ledger;
    private final DataSource kefu;

    BankingFixtures(DataSource ledger, DataSource kefu) {
        this.ledger = ledger;
        this.kefu = kefu;
    }

    static String newAccountNumber() {
        return "T" + ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L);
    }

    /** A customer account with its card (PIN 888888) and an opening balance. */
    String customer(String opening, String perTransferLimit, String dailyLimit) throws SQLException {
        String number = newAccountNumber();
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance, per_transfer_limit, daily_limit) VALUES (?, 'IT', 'CUSTOMER', 0, ?, ?)",
                    number, new BigDecimal(perTransferLimit), new BigDecimal(dailyLimit));
            update(c, "INSERT INTO bank_card (card_number, account_number, status, pin_hash, pin_salt, pin_iterations) VALUES (?, ?, 'ACTIVE', ?, ?, 120000)",
                    number, number, PIN_HASH, PIN_SALT);
            open(c, number, new BigDecimal(opening));
        }
        return number;
    }

    String internal() throws SQLException {
        String number = "INT-" + newAccountNumber();
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES (?, 'IT biller', 'INTERNAL', 0)", number);
        }
        return number;
    }

    void payee(String owner, String payee) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO payee (owner_account, payee_account, payee_name) VALUES (?, ?, 'IT payee')", owner, payee);
        }
    }

    String bill(String biller, String amount) throws SQLException {
        String number = "B" + newAccountNumber();
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount) VALUES (?, ?, ?, '2026-01', ?)",
                    number, "U" + number, biller, new BigDecimal(amount));
        }
        return number;
    }

    void freeze(String account) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            update(c, "UPDATE ledger_account SET status = 'FROZEN' WHERE account_number = ?", account);
        }
    }

    void blockCard(String account) throws SQLException {
        try (Connection c = ledger.getConnection()) {
            update(c, "UPDATE bank_card SET status = 'BLOCKED' WHERE account_number = ?", account);
        }
    }

    private static void open(Connection c, String number, BigDecimal amount) throws SQLException {
        if (amount.signum() == 0) {
            return;
        }
        String ref = "OPENING-" + number;
        update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES (?, ?, ?, 'OPENING', 'it opening', CURRENT_TIMESTAMP)",
                ref, number, amount);
        update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES (?, 'INT-OPENING', ?, 'OPENING', 'it opening', CURRENT_TIMESTAMP)",
                ref, amount.negate());
        update(c, "UPDATE ledger_account SET balance = balance + ? WHERE account_number = ?", amount, number);
        update(c, "UPDATE ledger_account SET balance = balance - ? WHERE account_number = 'INT-OPENING'", amount);
    }

    BigDecimal balance(String account) throws SQLException {
        return decimal(ledger, "SELECT balance FROM ledger_account WHERE account_number = ?", account);
    }

    long ledgerCount(String sql, Object... args) throws SQLException {
        return count(ledger, sql, args);
    }

    long kefuCount(String sql, Object... args) throws SQLException {
        return count(kefu, sql, args);
    }

    String ledgerString(String sql, Object... args) throws SQLException {
        try (Connection c = ledger.getConnection(); PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    String kefuString(String sql, Object... args) throws SQLException {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * The ledger's invariants: every balance is the sum of its postings, every movement's
     * postings sum to zero, and all balances together sum to zero (money is only moved, never
     * made or lost).
     */
    void assertInvariants() throws SQLException {
        assertEquals(0, ledgerCount("SELECT COUNT(*) FROM ledger_account a WHERE a.balance <> "
                + "(SELECT COALESCE(SUM(p.amount), 0) FROM posting p WHERE p.account_number = a.account_number)"),
                "every balance equals the sum of its postings");
        assertEquals(0, ledgerCount("SELECT COUNT(*) FROM (SELECT movement_ref FROM posting GROUP BY movement_ref HAVING SUM(amount) <> 0) unbalanced"),
                "every movement sums to zero");
        assertEquals(0, decimal(ledger, "SELECT COALESCE(SUM(balance), 0) FROM ledger_account").signum(),
                "all balances sum to zero");
    }

    /** Everything a refused request could have written, to compare before and after. */
    String snapshot(ConnectionFactory jms, Queue out) throws Exception {
        List<String> parts = new ArrayList<>();
        parts.add("postings=" + ledgerCount("SELECT COUNT(*) FROM posting"));
        parts.add("holds=" + ledgerCount("SELECT COUNT(*) FROM account_hold"));
        parts.add("balances=" + rows(ledger, "SELECT account_number, balance, status FROM ledger_account ORDER BY account_number"));
        parts.add("cards=" + rows(ledger, "SELECT card_number, status, pin_failures FROM bank_card ORDER BY card_number"));
        parts.add("bills=" + rows(ledger, "SELECT bill_number, status FROM utility_bill ORDER BY bill_number"));
        parts.add("journal=" + kefuCount("SELECT COUNT(*) FROM operation_journal"));
        parts.add("outQueue=" + depth(jms, out));
        return String.join("\n", parts);
    }

    static int depth(ConnectionFactory jms, Queue queue) throws Exception {
        try (JMSContext ctx = jms.createContext(); QueueBrowser browser = ctx.createBrowser(queue)) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    /** Takes every message for this reference off the queue (waiting for the first). */
    static List<Message> drain(ConnectionFactory jms, Queue queue, String reference) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext ctx = jms.createContext();
             JMSConsumer consumer = ctx.createConsumer(queue, "JMSCorrelationID = '" + reference + "'")) {
            Message m = consumer.receive(5_000);
            while (m != null) {
                messages.add(m);
                m = consumer.receive(1_000);
            }
        }
        return messages;
    }

    private static String rows(DataSource ds, String sql) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append(i == n ? ';' : ',');
                }
            }
        }
        return b.toString();
    }

    private static long count(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigDecimal decimal(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
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
