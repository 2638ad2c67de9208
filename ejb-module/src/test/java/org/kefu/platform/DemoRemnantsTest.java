package org.kefu.platform;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 item 5 on real H2 databases brought up by the real migrations (sql/kefu, sql/ledger)
 * and the demo center (sql/demo): with the demo off, a server whose databases still hold the
 * demo's published logins refuses to start with one line naming them and the way out; started
 * with -Dkefu.demo.remove=true it disables the users and phones and blocks the cards, keeps the
 * customers and the money, and starts; the next start with the demo off finds nothing.
 */
class DemoRemnantsTest {

    private DataSource kefu;
    private DataSource ledger;

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static void migrate(DataSource ds, String set, boolean demo) {
        Flyway.configure().dataSource(ds).table("flyway_schema_history").locations("filesystem:../sql/" + set)
                .outOfOrder(true).load().migrate();
        if (demo) {
            Flyway.configure().dataSource(ds).table("flyway_demo_history").locations("filesystem:../sql/demo/" + set)
                    .baselineOnMigrate(true).baselineVersion("0").outOfOrder(true).load().migrate();
        }
    }

    @BeforeEach
    void demoCenterLoaded() {
        kefu = h2("kefu");
        ledger = h2("ledger");
        migrate(kefu, "kefu", true);
        migrate(ledger, "ledger", true);
    }

    private static String one(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void demoOffWithTheDemosLoginsRefusesToStartWithOneLineAndChangesNothing() throws Exception {
        assertThat(DemoRemnants.find(kefu, ledger))
                .isEqualTo("users 1001, 1002, 1003, 1004, 1005, 1006, bo, 2001, 2002, 2003, oa; desk phones 8001, 8002, 8003, 8004, 8005, 8006;"
                        + " cards 6222020000000001, 6222020000000002");
        assertThatThrownBy(() -> DemoRemnants.check(kefu, ledger, false))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("Kefu refuses to start: the demo center is off")
                .hasMessageContaining("users 1001")
                .hasMessageContaining("-Dkefu.demo.remove=true")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(one(kefu, "SELECT status FROM app_user WHERE login = '1006'")).isEqualTo("ACTIVE");
        assertThat(one(ledger, "SELECT status FROM bank_card WHERE card_number = '6222020000000001'")).isEqualTo("ACTIVE");
    }

    @Test
    void theDocumentedRemovalDisablesUsersAndPhonesBlocksCardsAndKeepsTheMoney() throws Exception {
        String customers = one(kefu, "SELECT COUNT(*) FROM customer");
        String total = one(ledger, "SELECT SUM(balance) FROM ledger_account");
        String zhang = one(ledger, "SELECT balance FROM ledger_account WHERE account_number = '6222020000000001'");

        DemoRemnants.check(kefu, ledger, true);

        assertThat(DemoRemnants.find(kefu, ledger)).isEmpty();
        assertThat(one(kefu, "SELECT COUNT(*) FROM app_user WHERE login IN ('1001','1002','1003','1004','1005','1006','bo')"
                + " AND status <> 'DISABLED'")).isEqualTo("0");
        assertThat(one(kefu, "SELECT COUNT(*) FROM phone_extension WHERE status = 'ACTIVE'")).isEqualTo("0");
        assertThat(one(ledger, "SELECT COUNT(*) FROM bank_card WHERE card_number LIKE '622202000000000%' AND status = 'ACTIVE'"))
                .isEqualTo("0");
        assertThat(one(kefu, "SELECT COUNT(*) FROM customer")).isEqualTo(customers);
        assertThat(one(ledger, "SELECT SUM(balance) FROM ledger_account")).isEqualTo(total);
        assertThat(one(ledger, "SELECT balance FROM ledger_account WHERE account_number = '6222020000000001'")).isEqualTo(zhang);
        // The next start with the demo off goes through.
        DemoRemnants.check(kefu, ledger, false);
    }

    @Test
    void aRealCentersOwnLoginWithADemoJobNumberIsNotTheDemos() throws Exception {
        DemoRemnants.check(kefu, ledger, true);
        try (Connection c = kefu.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE app_user SET status = 'ACTIVE', password_hash = '$2a$10$someoneElsesOwnHashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
                    + " WHERE login = '1001'");
        }
        assertThat(DemoRemnants.find(kefu, ledger)).isEmpty();
        DemoRemnants.check(kefu, ledger, false);
        assertThat(one(kefu, "SELECT status FROM app_user WHERE login = '1001'")).isEqualTo("ACTIVE");
    }

    @Test
    void aServerThatNeverHadTheDemoStarts() throws Exception {
        DataSource k = h2("kefu-prod");
        DataSource l = h2("ledger-prod");
        migrate(k, "kefu", false);
        migrate(l, "ledger", false);
        assertThat(DemoRemnants.find(k, l)).isEmpty();
        DemoRemnants.check(k, l, false);
    }
}
