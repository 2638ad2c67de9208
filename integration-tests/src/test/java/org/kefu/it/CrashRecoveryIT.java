package org.kefu.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * and issue 6, item 5: the server dies after every participant of a transfer (ledger,
 * journal, JMS) has prepared and the commit decision is logged, but before anything committed.
 * While it is down both PostgreSQL databases hold a prepared transaction and no money has moved.
 * After a restart and a recovery scan the transfer is complete in both databases, the back office
 * got its message exactly once, no prepared transaction is left (pg_prepared_xacts) and the sum
 * of all balances is unchanged; the caller's retry with the same key is answered, not redone.
 * Runs against PostgreSQL (-Ppostgres; CI does); on H2 it is skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "crash") // its own failsafe execution
class CrashRecoveryIT {

    private static final String CONTAINER = "crash";

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "kefu", managed = false, testable = false, order = 1)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive kefu() {
        return Deployments.kefuEar();
    }

    @Deployment(name = "crash-probe", managed = false, testable = false, order = 2)
    @TargetsContainer(CONTAINER)
    static WebArchive probe() {
        return Deployments.bankingProbe("crash-probe.war", CrashProbeServlet.class, HaltOnCommitTestHook.class);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aTransferInterruptedBetweenPrepareAndCommitIsCompletedByRecovery() throws Exception {
        // Run only by -Ppostgres (see the pom): H2 is no place to prove PostgreSQL's recovery.
        assertEquals("postgres", System.getProperty("kefu.db"), "CrashRecoveryIT needs -Ppostgres");
        String ledgerDb = System.getProperty("kefu.ledger.db.name");
        String kefuDb = System.getProperty("kefu.db.name");
        DataSource ledger = postgres(ledgerDb);
        DataSource kefu = postgres(kefuDb);
        BankingFixtures f = new BankingFixtures(ledger, kefu);

        controller.start(CONTAINER);
        boolean deployed = false;
        boolean running = true;
        try {
            deployer.deploy("kefu");
            deployer.deploy("crash-probe");
            deployed = true;
            String payer = f.customer("1000.00", "500.00", "800.00");
            String payee = f.customer("0.00", "500.00", "800.00");
            f.payee(payer, payee);
            f.assertInvariants();
            String key = "crash-" + UUID.randomUUID();
            String transfer = "from=" + payer + "&to=" + payee + "&amount=250.00&key=" + key;

            assertThrows(IOException.class, () -> get("crash?" + transfer), "the server dies during commit");
            assertTrue(deadWithin(Duration.ofSeconds(30)), "the server process is gone");
            running = false;
            try {
                controller.kill(CONTAINER); // only Arquillian's bookkeeping: the process is dead already
            } catch (Exception alreadyDead) {
                // Arquillian may still try the management port of the dead server and throw
                // (a LifecycleException "Could not stop container"): there is nothing left to stop.
            }

            // Down, in the window: each database holds a prepared branch; nothing is committed.
            assertTrue(prepared(ledger) >= 1, "the ledger's branch is prepared");
            assertTrue(prepared(kefu) >= 1, "the journal's branch is prepared");
            assertEquals(new BigDecimal("1000.00"), f.balance(payer));
            assertEquals(0, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE idempotency_key = ?", key));

            // Restart: the server redeploys Kefu and the probe from its configuration.
            controller.start(CONTAINER);
            running = true;
            waitForProbe();
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while ((prepared(ledger) > 0 || prepared(kefu) > 0 || !f.balance(payee).equals(new BigDecimal("250.00")))
                    && System.nanoTime() < deadline) {
                scan();
            }

            assertEquals(0, prepared(ledger), "no prepared transaction left in the ledger");
            assertEquals(0, prepared(kefu), "no prepared transaction left in Kefu's database");
            assertEquals(new BigDecimal("750.00"), f.balance(payer));
            assertEquals(new BigDecimal("250.00"), f.balance(payee));
            String reference = f.kefuString("SELECT reference FROM operation_journal WHERE idempotency_key = ? AND status = 'COMPLETED'", key);
            assertEquals(2, f.ledgerCount("SELECT COUNT(*) FROM posting WHERE movement_ref = ?", reference), "the ledger agrees with the journal");
            // The JMS branch is recovered by its own recovery helper, possibly a scan later.
            int delivered = Integer.parseInt(get("messages?ref=" + reference));
            while (delivered == 0 && System.nanoTime() < deadline) {
                scan();
                delivered += Integer.parseInt(get("messages?ref=" + reference));
            }
            scan();
            delivered += Integer.parseInt(get("messages?ref=" + reference));
            assertEquals(1, delivered, "the back office got the transfer exactly once");
            f.assertInvariants();

            // The IVR never heard back and retries with the same key: answered from the journal.
            assertTrue(get("transfer?" + transfer).endsWith("replayed=true"));
            assertEquals(new BigDecimal("750.00"), f.balance(payer));
            assertEquals("0", get("messages?ref=" + reference), "and no second message");
        } finally {
            if (running) {
                if (deployed) {
                    deployer.undeploy("crash-probe");
                    deployer.undeploy("kefu");
                }
                controller.stop(CONTAINER);
            }
        }
    }

    private static DataSource postgres(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {System.getProperty("kefu.db.host", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(System.getProperty("kefu.db.port", "5432"))});
        ds.setDatabaseName(database);
        ds.setUser(System.getProperty("kefu.db.user", "postgres"));
        String password = System.getenv("KEFU_DB_PASSWORD");
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** Prepared (in-doubt) transactions PostgreSQL holds for this database. */
    private static long prepared(DataSource ds) throws Exception {
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Asks Narayana's recovery listener (4712 + port offset) for a full scan, and waits for it. */
    private static void scan() throws IOException {
        int port = 4712 + Integer.parseInt(System.getProperty("kefu.it.port-offset", "100"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** True once nothing answers on the server's HTTP port any more. */
    private static boolean deadWithin(Duration limit) throws InterruptedException {
        int port = httpPort();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Thread.sleep(200);
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }

    private void waitForProbe() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request("messages?ref=warm-up"), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still deploying
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the probe did not come back after the restart");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** Undertow's 8080 moved by the port offset the server runs with. */
    private static int httpPort() {
        return 8080 + Integer.parseInt(System.getProperty("kefu.it.port-offset", "100"));
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/crash-probe/" + path))
                .timeout(Duration.ofSeconds(60)).build();
    }
}
