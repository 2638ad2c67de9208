package org.kefu.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Brings both databases to the schema this build expects, at deployment, before anything else
 * touches them. A failure stops the deployment with one readable line; Flyway runs each
 * migration in its own transaction where the database allows DDL in transactions (PostgreSQL),
 * so a failed migration leaves no half-applied schema there.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    static final String KEFU_DS = "java:jboss/datasources/KefuDS";
    static final String LEDGER_DS = "java:jboss/datasources/LedgerDS";

    @Resource(lookup = KEFU_DS)
    private DataSource kefu;

    @Resource(lookup = LEDGER_DS)
    private DataSource ledger;

    @PostConstruct
    void migrate() {
        boolean demo = DemoCenter.enabled();
        migrate("KefuDS", kefu, "kefu", demo);
        migrate("LedgerDS", ledger, "ledger", demo);
        if (!demo) {
            // Issue 14 item 5: no published demo login survives into a server without the demo.
            DemoRemnants.check(kefu, ledger, Boolean.getBoolean(DemoRemnants.REMOVE_PROPERTY));
        }
    }

    void migrate(String name, DataSource ds, String set, boolean demo) {
        checkReachable(name, ds);
        try {
            MigrateResult schema = flyway(ds, "flyway_schema_history", "classpath:db/" + set).migrate();
            LOG.infof("%s schema at version %s (%d migrations applied now)",
                    name, schema.targetSchemaVersion == null ? "current" : schema.targetSchemaVersion,
                    schema.migrationsExecuted);
            if (demo) {
                // The demo center has its own history table so that it can be left out in
                // production without holes in the schema's version sequence.
                MigrateResult data = Flyway.configure(getClass().getClassLoader())
                        .dataSource(ds)
                        .table("flyway_demo_history")
                        .locations("classpath:db/demo/" + set)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .outOfOrder(true)
                        .load()
                        .migrate();
                LOG.infof("%s demo center data applied (%d migrations now)", name, data.migrationsExecuted);
            }
        } catch (FlywayException e) {
            String line = name + ": schema migration failed: " + firstLine(e.getMessage());
            LOG.error(line);
            throw new StartupFailure(line);
        }
    }

    private Flyway flyway(DataSource ds, String table, String location) {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(ds)
                .table(table)
                .locations(location)
                .baselineOnMigrate(false)
                // Issues land from parallel branches: a lower version that arrives after a higher
                // one was applied must still run, not stop the deployment.
                .outOfOrder(true)
                .load();
    }

    /** One clear line naming the datasource and the cause, instead of a page of stack traces. */
    private static void checkReachable(String name, DataSource ds) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            String line = "Kefu cannot reach the database of " + name + ": " + firstLine(driverMessage(e));
            LOG.error(line);
            throw new StartupFailure(line);
        }
    }

    /**
     * The driver's own words (they name host and port, e.g. "Connection to 127.0.0.1:5432
     * refused"), not the pool's wrapper around them nor the bare socket error beneath.
     */
    static String driverMessage(Throwable failure) {
        String best = failure.getMessage();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && !t.getMessage().startsWith("IJ")) {
                best = t.getMessage();
            }
        }
        return best;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
