package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 4 §8: agents' logins and queued callback requests survive a restart of the server's
 * services. The server is reloaded through its management API (every subsystem, the JMS broker,
 * the datasources and the deployment stop and start again, in the same JVM, which is fast); the
 * ACD then rebuilds its router from the tables. Live calls end with it, as documented. The ticket
 * escalation scan runs again after it (issue 17).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartSurvivalIT {

    private static final String CALLER = "13800000141";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "restart-probe.war")
                .addClasses(RestartSurvivalIT.class, Sipp.class)
                .addAsResource("sipp/caller-requests-callback.xml")
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallbackDialer!org.kefu.outbound.CallbackDialer")
    private org.kefu.outbound.CallbackDialer callbacks;

    @EJB(lookup = "java:global/kefu/kefu-ejb/Offers!org.kefu.acd.Offers")
    private org.kefu.acd.Offers offers;

    @ArquillianResource
    private ManagementClient management;

    @Test
    @Order(1)
    @OperateOnDeployment("probe")
    void beforeTheRestartAnAgentIsLoggedInOnBreakAndACallerLeftACallbackRequest() throws Exception {
        sessions.login("1004", "8004");
        sessions.notReady("1004", "lunch"); // serves the hotline, not ready: the caller waits, then presses 9
        Sipp caller = Sipp.start("caller-requests-callback.xml", Map.of("service", "12345", "caller", CALLER, "key", "1", "wait", "2000"));
        assertEquals(0, caller.await(40), caller.report());
        assertEquals("QUEUED", scalar("SELECT status FROM callback_request WHERE phone = '" + CALLER + "'"));
        String id = scalar("SELECT id FROM callback_request WHERE phone = '" + CALLER + "'");
        // The job was taken at once: attempt 1 waits in the hotline queue (in memory, and as a row).
        awaitWaiting(id);
    }

    @Test
    @Order(2)
    @RunAsClient
    @OperateOnDeployment("probe")
    void theServerRestarts() throws Exception {
        ModelNode reload = new ModelNode();
        reload.get("operation").set("reload");
        reload.get("address").setEmptyList();
        management.getControllerClient().execute(reload);
        long until = System.currentTimeMillis() + 180_000;
        Thread.sleep(2000);
        while (System.currentTimeMillis() < until) {
            if (running() && healthy() && probeDeployed()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the server did not come back within 3 minutes");
    }

    @Test
    @Order(3)
    @OperateOnDeployment("probe")
    void afterTheRestartTheLoginAndTheCallbackRequestAreStillThere() throws Exception {
        try {
            AgentSnapshot agent = sessions.status("1004");
            assertEquals(AgentState.NOT_READY, agent.state(), agent.toString());
            assertEquals("lunch", agent.reason());
            assertEquals("8004", agent.extension());
            String id = scalar("SELECT id FROM callback_request WHERE phone = '" + CALLER + "'");
            assertNotNull(id);
            assertEquals("QUEUED", scalar("SELECT status FROM callback_request WHERE id = " + id));
            // The ACD's memory went with the restart; the attempt's row brought the request back into its queue.
            awaitWaiting(id);
            assertEquals("WAITING", scalar("SELECT status FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1"));
            callbacks.cancel(Long.parseLong(id), "restart-it"); // nobody is to be dialled from 8004, which has no phone here
            // And the restored agent works: ready, then logged out.
            assertEquals(AgentState.READY, sessions.ready("1004").state());
        } finally {
            sessions.logout("1004");
        }
    }

    @Test
    @Order(4)
    @OperateOnDeployment("probe")
    void afterTheRestartTicketsRunningLateAreStillEscalated() throws Exception {
        // Issue 17: the escalation scan is set up again at start; a ticket whose answer time turned
        // yellow while the server was down (as if: warn_at a minute ago) is warned of at the next scan.
        long number = 90_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 9_999_999);
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket (id, category, subject, status, channel, created_at, updated_at, ticket_type, accept_by, answer_by,"
                        + " warn_at, department_code, due_at, next_escalation_at)"
                        + " VALUES (?, 'POWER', 'restart-it', 'DISPATCHED', 'AGENT', ?, ?, 'REPAIR', ?, ?, ?, 'POWER', ?, ?)")) {
            ps.setLong(1, number);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, java.sql.Timestamp.from(now.toInstant().plusSeconds(3_600)));
            ps.setTimestamp(5, java.sql.Timestamp.from(now.toInstant().plusSeconds(7_200)));
            ps.setTimestamp(6, java.sql.Timestamp.from(now.toInstant().minusSeconds(60)));
            // What the entity keeps for a row like this: the answer deadline runs; the head is warned first.
            ps.setTimestamp(7, java.sql.Timestamp.from(now.toInstant().plusSeconds(7_200)));
            ps.setTimestamp(8, java.sql.Timestamp.from(now.toInstant().minusSeconds(60)));
            assertEquals(1, ps.executeUpdate());
        }
        for (long until = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < until; Thread.sleep(250)) {
            if ("1".equals(scalar("SELECT escalation_level FROM ticket WHERE id = " + number))) {
                assertEquals("2001", scalar("SELECT recipient FROM ticket_escalation WHERE ticket_id = " + number), "the power bureau's head");
                return;
            }
        }
        fail("ticket " + number + " was not escalated after the restart");
    }

    /** Attempt 1 of the request waits in the ACD (its job delivered, within 30 s). */
    private void awaitWaiting(String id) throws InterruptedException {
        org.kefu.telephony.CallId ticket = new org.kefu.telephony.CallId("callback:" + id + ":1");
        for (long until = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < until; Thread.sleep(200)) {
            if (offers.isWaiting(ticket)) {
                return;
            }
        }
        fail("callback request " + id + " is not waiting in the ACD");
    }

    private boolean running() {
        try {
            ModelNode op = new ModelNode();
            op.get("operation").set("read-attribute");
            op.get("address").setEmptyList();
            op.get("name").set("server-state");
            ModelNode result = management.getControllerClient().execute(op);
            return "running".equals(result.get("result").asString());
        } catch (Exception e) {
            return false;
        }
    }

    private boolean probeDeployed() {
        try {
            ModelNode op = new ModelNode();
            op.get("operation").set("read-attribute");
            op.get("address").add("deployment", "restart-probe.war");
            op.get("name").set("status");
            return "OK".equals(management.getControllerClient().execute(op).get("result").asString());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean healthy() {
        int port = Integer.getInteger("kefu.http.port", 8180);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kefu/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
