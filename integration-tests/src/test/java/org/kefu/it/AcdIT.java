package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.Offers;
import org.kefu.acd.routing.AgentSnapshot;
import org.kefu.acd.routing.AgentState;
import org.kefu.reporting.QueueReport;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ACD with real calls (issue 4): sipp callers on the service numbers press 1 (or 0) in the
 * entry menu, the ACD picks the agent by skill and fairness and rings that agent's sipp desk
 * phone, RONA takes an unanswered call to the next agent, and the state history and event log
 * are written. Agents are logged in through the AgentSessions EJB, as the console and REST do.
 */
@ExtendWith(ArquillianExtension.class)
class AcdIT {


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "acd-probe.war"))
                .addClasses(AcdIT.class, DeskAgents.class)
                .addAsResource("sipp/caller-waits-for-agent.xml")
                .addAsResource("sipp/caller-refused.xml")
                .addAsResource("sipp/caller-requests-callback.xml")
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-answers.xml")
                .addAsResource("sipp/phone-never-answers.xml")
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @EJB(lookup = "java:global/kefu/kefu-ejb/Offers!org.kefu.acd.Offers")
    private Offers offers;

    @EJB(lookup = "java:global/kefu/kefu-ejb/QueueReport!org.kefu.reporting.QueueReport")
    private QueueReport report;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallbackDialer!org.kefu.outbound.CallbackDialer")
    private org.kefu.outbound.CallbackDialer callbacks;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    @OperateOnDeployment("probe")
    void aHotlineCallerPressingOneReachesTheReadyAgentsPhoneWithTheCallData() throws Exception {
        Sipp phone = deskPhone("8003", "phone-answers.xml", "300");
        readyAt("1003", "8003");

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "7000"));

        ConnectionId agentLeg = awaitConnected("8003", caller);
        Map<String, String> data;
        try (SwitchConnection sw = switchFactory.getConnection()) {
            data = sw.callData(agentLeg.call());
            CallSnapshot call = sw.snapshotCall(agentLeg.call());
            assertTrue(call.parties().stream().allMatch(p -> p.state() == ConnectionState.CONNECTED), call.toString());
        }
        assertEquals("hotline", data.get("kefu.queue"));
        assertEquals("1003", data.get("kefu.agent"));
        assertTrue(data.containsKey("kefu.waitSeconds"), data.toString());
        assertTrue(data.containsKey("kefu.customerId"), "张三 was recognised: " + data);
        assertEquals(AgentState.TALKING, sessions.status("1003").state());

        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), "the agent's phone got the BYE: " + phone.report());
        assertEquals(1, phone.received("INVITE"), phone.report());
        awaitTrue(() -> sessions.status("1003").state() == AgentState.WRAP_UP || sessions.status("1003").state() == AgentState.READY,
                "1003 in wrap-up after the call");

        String callRef = agentLeg.call().value();
        assertEquals(List.of("ENQUEUE", "OFFER", "ANSWER", "END"), eventsOf(callRef));
        // The CDR is written behind the call, within a fraction of a second.
        awaitTrue(() -> "1003".equals(scalarQuietly("SELECT agent_job_number FROM call_record WHERE call_ref = '" + callRef + "'")),
                "CDR agent written");
        assertEquals("hotline", scalar("SELECT queue_code FROM call_record WHERE call_ref = '" + callRef + "'"), "CDR queue");
        List<String> history = historyOf("1003", callRef);
        assertTrue(history.containsAll(List.of("READY->RESERVED", "RESERVED->TALKING")), history.toString());
    }

    @Test
    @OperateOnDeployment("probe")
    void aBankingCallerReachesTheMostSkilledReadyAgent() throws Exception {
        Sipp lessSkilled = deskPhone("8002", "phone-answers.xml", "300");
        Sipp mostSkilled = deskPhone("8001", "phone-answers.xml", "300");
        readyAt("1002", "8002"); // banking 5, ready first
        readyAt("1001", "8001"); // banking 8

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "95500", "caller", "13900139000", "key", "0", "talk", "6000"));

        ConnectionId agentLeg = awaitConnected("8001", caller);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            assertEquals("banking", sw.callData(agentLeg.call()).get("kefu.queue"), "李四 is no VIP: banking queue");
        }
        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, mostSkilled.await(20), mostSkilled.report());
        assertEquals(0, lessSkilled.received("INVITE"), "1002 was not rung: " + lessSkilled.report());
        assertEquals(AgentState.READY, sessions.status("1002").state());
    }

    @org.junit.jupiter.api.Tag("database-neutral") // routing in the ACD's memory; .ci/run: H2 only
    @Test
    @OperateOnDeployment("probe")
    void ringNoAnswerSendsTheCallToTheNextAgentAndMakesTheFirstNotReady() throws Exception {
        Sipp sleepy = deskPhone("8002", "phone-never-answers.xml", "0");
        Sipp awake = deskPhone("8004", "phone-answers.xml", "300");
        readyAt("1002", "8002"); // securities 7, idle longest: offered first
        Thread.sleep(50);
        readyAt("1004", "8004"); // securities 9

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "95501", "caller", "13800000041", "key", "0", "talk", "22000")); // 0: the flow's agent

        awaitTrue(() -> sessions.status("1002").state() == AgentState.RESERVED, "8002 rings first");
        ConnectionId agentLeg = awaitConnected("8004", caller, 30_000);
        assertEquals(0, sleepy.await(20), "8002 was cancelled after the RONA time: " + sleepy.report());
        AgentSnapshot first = sessions.status("1002");
        assertEquals(AgentState.NOT_READY, first.state());
        assertEquals("no-answer", first.reason());
        assertEquals(AgentState.TALKING, sessions.status("1004").state());

        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, awake.await(20), awake.report());
        assertEquals(List.of("ENQUEUE", "OFFER", "RONA", "OFFER", "ANSWER", "END"), eventsOf(agentLeg.call().value()));
    }

    @Test
    @OperateOnDeployment("probe")
    void theBlackListedNumberIsRejectedBusyWithoutReachingTheAcd() throws Exception {
        readyAt("1003", "8003");
        Sipp caller = bed.start("caller-refused.xml", Map.of("service", "12345", "caller", "13700137000", "status", "486"));

        assertEquals(0, caller.await(30), caller.report());
        assertEquals(AgentState.READY, sessions.status("1003").state(), "nobody was offered the call");
    }

    @Test
    @OperateOnDeployment("probe")
    void loginsAreStoredAndLogoutRemovesThem() throws Exception {
        readyAt("1003", "8003");
        assertEquals("READY", scalar("SELECT agent_state FROM agent_login WHERE job_number = '1003'"));
        sessions.notReady("1003", "lunch");
        assertEquals("lunch", scalar("SELECT reason FROM agent_login WHERE job_number = '1003'"));
        sessions.logout("1003");
        assertEquals(null, scalar("SELECT agent_state FROM agent_login WHERE job_number = '1003'"));
        assertEquals("NOT_READY", scalar("SELECT to_state FROM agent_state_history WHERE job_number = '1003' AND reason = 'lunch' ORDER BY id DESC"));
    }

    @org.junit.jupiter.api.Tag("database-neutral") // routing in the ACD's memory; .ci/run: H2 only
    @Test
    @OperateOnDeployment("probe")
    void aVipCallerOverflowsFromTheVipQueueToBankingAfterItsMaxWait() throws Exception {
        update("UPDATE call_queue SET max_wait_seconds = 4 WHERE code = 'vip'");
        offers.reloadQueues();
        try {
            Sipp phone = deskPhone("8002", "phone-answers.xml", "300");
            logIn("1001", "8001"); // serves vip but is not ready: the VIP call waits there
            readyAt("1002", "8002"); // banking 5: banking only

            Sipp caller = bed.start("caller-waits-for-agent.xml",
                    Map.of("service", "95500", "caller", "13800138000", "key", "0", "talk", "12000")); // 0: the flow's agent

            ConnectionId agentLeg = awaitConnected("8002", caller, 20_000);
            try (SwitchConnection sw = switchFactory.getConnection()) {
                assertEquals("banking", sw.callData(agentLeg.call()).get("kefu.queue"));
            }
            assertEquals(0, caller.await(40), caller.report());
            assertEquals(0, phone.await(20), phone.report());
            assertEquals(List.of("ENQUEUE", "OVERFLOW", "ENQUEUE", "OFFER", "ANSWER", "END"), eventsOf(agentLeg.call().value()));
            assertEquals(List.of("vip", "vip", "banking"), column(
                    "SELECT queue_code FROM acd_event WHERE call_ref = ? AND event_type IN ('ENQUEUE', 'OVERFLOW') ORDER BY id",
                    agentLeg.call().value()));
        } finally {
            update("UPDATE call_queue SET max_wait_seconds = 30 WHERE code = 'vip'");
            offers.reloadQueues();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aReturningCallerPressingStarReachesTheLastAgentInsteadOfTheFairChoice() throws Exception {
        Sipp first = deskPhone("8003", "phone-answers.xml", "300");
        readyAt("1003", "8003");
        Sipp call1 = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13800000051", "key", "1", "talk", "5000"));
        awaitConnected("8003", call1);
        assertEquals(0, call1.await(40), call1.report());
        assertEquals(0, first.await(20), first.report());
        awaitTrue(() -> sessions.status("1003").state() == AgentState.WRAP_UP || sessions.status("1003").state() == AgentState.READY, "call ended");
        if (sessions.status("1003").state() == AgentState.WRAP_UP) {
            sessions.wrapUpDone("1003");
        }

        // 1005 has taken no call today: the hotline's "fewest calls" would choose 1005.
        Sipp fair = deskPhone("8005", "phone-answers.xml", "300");
        Sipp sticky = deskPhone("8003", "phone-answers.xml", "300");
        readyAt("1005", "8005");
        Sipp call2 = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13800000051", "key", "star", "talk", "5000"));

        awaitConnected("8003", call2);
        assertEquals(0, call2.await(40), call2.report());
        assertEquals(0, sticky.await(20), sticky.report());
        assertEquals(0, fair.received("INVITE"), "1005 was not rung: " + fair.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aWhiteListedCallerGoesStraightToItsAgentWithoutTheMenu() throws Exception {
        Sipp phone = deskPhone("8001", "phone-answers.xml", "300");
        readyAt("1001", "8001");

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "95500", "caller", "13600136000", "key", "1", "talk", "5000"));

        ConnectionId agentLeg = awaitConnected("8001", caller);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(agentLeg.call());
            assertEquals("vip", data.get("kefu.queue"));
            assertEquals(null, data.get("kefu.menuChoice"), "no IVR menu: " + data);
        }
        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), phone.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aWaitingCallerPressingNineLeavesACallbackRequestThatKeepsItsPlace() throws Exception {
        logIn("1004", "8004"); // serves the hotline but is not ready: callers wait

        Sipp caller = bed.start("caller-requests-callback.xml",
                Map.of("service", "12345", "caller", "13800000061", "key", "1", "wait", "3000"));

        assertEquals(0, caller.await(40), "Kefu confirmed and hung up: " + caller.report());
        String id = scalar("SELECT id FROM callback_request WHERE phone = '13800000061' ORDER BY id DESC");
        assertTrue(id != null, "a callback request was stored");
        bed.afterward("withdraw callback request " + id, () -> callbacks.cancel(Long.parseLong(id), "acd-it"));
        assertEquals("hotline", scalar("SELECT queue_code FROM callback_request WHERE id = " + id));
        // Its job was taken from kefu.callbacks at once: attempt 1 waits in the hotline queue in the
        // place of the caller's first wait, as a request, no longer as a call.
        awaitTrue(() -> "WAITING".equals(scalarQuietly("SELECT status FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1")),
                "attempt 1 of request " + id + " waits");
        assertEquals("QUEUED", scalar("SELECT status FROM callback_request WHERE id = " + id));
        awaitTrue(() -> offers.isWaiting(new org.kefu.telephony.CallId("callback:" + id + ":1")), "the request waits in the ACD");
        assertEquals(1, report.statistics("hotline").live().waiting(), "the request waits in the caller's place");
    }

    @Test
    @OperateOnDeployment("probe")
    void aCallerWhoHangsUpWhileWaitingIsAnAbandonWithItsWaitingTime() throws Exception {
        logIn("1003", "8003"); // serves utilities but is not ready
        long before = report.statistics("utilities").abandoned();

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "96000", "caller", "13800000071", "key", "0", "talk", "8500")); // 0: the flow's agent
        assertEquals(0, caller.await(40), caller.report());

        String wait = SipBed.await(() -> "an ABANDON event", Duration.ofSeconds(10),
                () -> scalar("SELECT e.wait_millis FROM acd_event e JOIN call_record r ON r.call_ref = e.call_ref"
                        + " WHERE r.ani = '13800000071' AND e.event_type = 'ABANDON'"), v -> true);
        assertTrue(Long.parseLong(wait) >= 5000, "abandoned after waiting about 7 s: " + wait);
        assertEquals(before + 1, report.statistics("utilities").abandoned(), "longer than the short-abandon limit: counted");
        assertEquals(0, report.statistics("utilities").live().waiting());
    }

    // ------------------------------------------------------------------ helpers

    private void update(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private void readyAt(String job, String ext) {
        DeskAgents.readyAt(bed, sessions, job, ext);
    }

    private void logIn(String job, String ext) {
        DeskAgents.logIn(bed, sessions, job, ext);
    }

    private Sipp deskPhone(String ext, String scenario, String answerAfter) throws Exception {
        return bed.deskPhone(switchFactory, ext, scenario, answerAfter);
    }

    private ConnectionId awaitConnected(String ext, Sipp caller) {
        return awaitConnected(ext, caller, 15_000);
    }

    private ConnectionId awaitConnected(String ext, Sipp caller, long millis) {
        return SipBed.connectedAt(switchFactory, ext, caller, Duration.ofMillis(millis));
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) {
        SipBed.await(what, condition);
    }

    /** The ACD event types of a call, in order (the END row is written as the call ends). */
    private List<String> eventsOf(String callRef) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        List<String> types = List.of();
        while (System.currentTimeMillis() < until) {
            types = column("SELECT event_type FROM acd_event WHERE call_ref = ? AND event_type <> 'STATE' ORDER BY id", callRef);
            if (types.contains("END") || types.contains("ABANDON")) {
                return types;
            }
            Thread.sleep(200);
        }
        return types;
    }

    private List<String> historyOf(String job, String callRef) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT from_state, to_state FROM agent_state_history WHERE job_number = ? AND call_ref = ? ORDER BY id")) {
            ps.setString(1, job);
            ps.setString(2, callRef);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "->" + rs.getString(2));
                }
            }
        }
        return rows;
    }

    private List<String> column(String sql, String param) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private String scalarQuietly(String sql) {
        try {
            return scalar(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
