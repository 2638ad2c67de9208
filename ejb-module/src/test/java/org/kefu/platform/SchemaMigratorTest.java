package org.kefu.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigratorTest {

    @Test
    void anOperatorSeesOneLineOfTheCause() {
        assertThat(SchemaMigrator.firstLine("Connection to 127.0.0.1:5432 refused.\n\tat org.postgresql...\n"))
                .isEqualTo("Connection to 127.0.0.1:5432 refused.");
        assertThat(SchemaMigrator.firstLine(null)).isEqualTo("(no message)");
    }

    @Test
    void theDriversMessageNamesWhereNotThePoolsWrapper() {
        var socket = new java.net.ConnectException("Connection refused");
        var driver = new java.sql.SQLException("Connection to 127.0.0.1:5999 refused. Check that the hostname and port are correct", socket);
        var pool = new java.sql.SQLException("IJ031084: Unable to create connection", driver);
        var wrapper = new java.sql.SQLException("WFLYJCA0047: Connection is not valid", pool);
        assertThat(SchemaMigrator.driverMessage(wrapper)).startsWith("Connection to 127.0.0.1:5999 refused");
    }

    @Test
    void startupFailuresCarryNoStackTrace() {
        assertThat(new StartupFailure("KefuDS: down").getStackTrace()).isEmpty();
    }

    @Test
    void aFailingMigrationStopsWithOneLineNamingDatasourceAndScript() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:broken;DB_CLOSE_DELAY=-1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchemaMigrator().migrate("KefuDS", ds, "broken", false))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("KefuDS: schema migration failed")
                .hasMessageContaining("V2__typo.sql")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theDemoIsOffUnlessASystemPropertyTurnsItOn() {
        String before = System.getProperty("kefu.demo");
        try {
            System.clearProperty("kefu.demo");
            assertThat(DemoCenter.enabled()).as("off by default (issue 14 item 5)").isFalse();
            System.setProperty("kefu.demo", "true");
            assertThat(DemoCenter.enabled()).isTrue();
            System.setProperty("kefu.demo", "false");
            assertThat(DemoCenter.enabled()).isFalse();
        } finally {
            if (before != null) {
                System.setProperty("kefu.demo", before);
            } else {
                System.clearProperty("kefu.demo");
            }
        }
    }
}
