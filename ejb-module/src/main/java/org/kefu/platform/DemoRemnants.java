package org.kefu.platform;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo center's ways in that a server with the demo off must not keep (issue 14 item 5): the
 * demo users with the password published in the README, the desk phones 8001–8006 with the
 * published SIP password, and the demo cards with their published PINs. Each is recognised by
 * its identity AND its published secret, so a real center that reuses job number 1001 with its
 * own password is not affected.
 * <p>
 * With the demo off, a server that finds any of them refuses to start with one line naming
 * them and the way out; started once with {@code -D}{@value #REMOVE_PROPERTY}{@code =true} it
 * removes them: the users and phones are DISABLED (they can no longer sign in or register; their
 * history stays), the cards BLOCKED (no PIN check passes). Nothing else is touched: customers,
 * accounts and balances are data, not ways in.
 */
final class DemoRemnants {

    private static final Logger LOG = Logger.getLogger(DemoRemnants.class);

    static final String REMOVE_PROPERTY = "kefu.demo.remove";

    /** bcrypt of "kefu2026", the demo users' published password (sql/demo/kefu/V1). */
    static final String DEMO_PASSWORD_HASH = "$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.";
    static final List<String> DEMO_USERS = List.of("1001", "1002", "1003", "1004", "1005", "1006", "bo", "2001", "2002", "2003", "oa");

    /** HA1 of the desk phones' published SIP password (sql/demo/kefu/V3). */
    static final Map<String, String> DEMO_PHONES = Map.of(
            "8001", "a35c725225cd98e4567dd4eeec94c10f",
            "8002", "1310de8b8a2e30c13ff617b12ec2825a",
            "8003", "c40d959e9863c797c537d704d48621f1",
            "8004", "76afb7abe6a6ef1ba5ec36c9ef104fca",
            "8005", "cbf50518370e8fda806e26bf30d70f9c",
            "8006", "29d30745d5f35fbc6926a3b36fc9d35c");

    /** PIN hashes of the demo cards' published PINs (sql/demo/ledger/V2). */
    static final Map<String, String> DEMO_CARDS = Map.of(
            "6222020000000001", "S/MWUuW9FJ70QK5tjSfwGILJEBhF1IEDb4vCy7mRr7E=",
            "6222020000000002", "HoYYHfUdYeIVQW4+SWINe74fECjajEkxcG4JtZSqXI8=");

    private DemoRemnants() {
    }

    /** What remains, e.g. "users 1001, bo; phones 8001; cards 6222020000000001" (empty: nothing). */
    static String find(DataSource kefu, DataSource ledger) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        try (Connection c = kefu.getConnection()) {
            for (String login : DEMO_USERS) {
                if (exists(c, "SELECT COUNT(*) FROM app_user WHERE login = ? AND password_hash = ? AND status <> 'DISABLED'",
                        login, DEMO_PASSWORD_HASH)) {
                    users.add(login);
                }
            }
            for (String ext : new java.util.TreeSet<>(DEMO_PHONES.keySet())) {
                if (exists(c, "SELECT COUNT(*) FROM phone_extension WHERE extension = ? AND sip_ha1 = ? AND status = 'ACTIVE'",
                        ext, DEMO_PHONES.get(ext))) {
                    phones.add(ext);
                }
            }
        }
        try (Connection c = ledger.getConnection()) {
            for (String card : new java.util.TreeSet<>(DEMO_CARDS.keySet())) {
                if (exists(c, "SELECT COUNT(*) FROM bank_card WHERE card_number = ? AND pin_hash = ? AND status = 'ACTIVE'",
                        card, DEMO_CARDS.get(card))) {
                    cards.add(card);
                }
            }
        }
        if (!users.isEmpty()) {
            parts.add("users " + String.join(", ", users));
        }
        if (!phones.isEmpty()) {
            parts.add("desk phones " + String.join(", ", phones));
        }
        if (!cards.isEmpty()) {
            parts.add("cards " + String.join(", ", cards));
        }
        return String.join("; ", parts);
    }

    /**
     * With the demo off: nothing to do when nothing remains; removes what remains when
     * {@value #REMOVE_PROPERTY} is true; else refuses to start with one line.
     */
    static void check(DataSource kefu, DataSource ledger, boolean remove) {
        String remaining;
        try {
            remaining = find(kefu, ledger);
        } catch (SQLException e) {
            throw new StartupFailure("Kefu cannot check for demo users, phones and cards: " + SchemaMigrator.firstLine(e.getMessage()));
        }
        if (remaining.isEmpty()) {
            return;
        }
        if (!remove) {
            String line = "Kefu refuses to start: the demo center is off (-Dkefu.demo=false) but its published logins"
                    + " remain (" + remaining + "); start once with -D" + REMOVE_PROPERTY + "=true to remove them,"
                    + " or with -Dkefu.demo=true to run the demo";
            LOG.error(line);
            throw new StartupFailure(line);
        }
        try {
            remove(kefu, ledger);
        } catch (SQLException e) {
            throw new StartupFailure("Kefu could not remove the demo users, phones and cards: " + SchemaMigrator.firstLine(e.getMessage()));
        }
        LOG.warnf("Demo center removed (-D%s=true): %s disabled or blocked; customers and accounts are kept",
                REMOVE_PROPERTY, remaining);
    }

    static void remove(DataSource kefu, DataSource ledger) throws SQLException {
        inTransaction(kefu, c -> {
            for (String login : DEMO_USERS) {
                update(c, "UPDATE app_user SET status = 'DISABLED' WHERE login = ? AND password_hash = ?", login, DEMO_PASSWORD_HASH);
            }
            for (Map.Entry<String, String> p : DEMO_PHONES.entrySet()) {
                update(c, "UPDATE phone_extension SET status = 'DISABLED' WHERE extension = ? AND sip_ha1 = ?", p.getKey(), p.getValue());
            }
        });
        inTransaction(ledger, c -> {
            for (Map.Entry<String, String> card : DEMO_CARDS.entrySet()) {
                update(c, "UPDATE bank_card SET status = 'BLOCKED' WHERE card_number = ? AND pin_hash = ?", card.getKey(), card.getValue());
            }
        });
    }

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Runs the work in one local transaction of its own on that database: all of it or nothing. */
    private static void inTransaction(javax.sql.DataSource ds, SqlWork work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static void update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
