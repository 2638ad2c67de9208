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
import org.kefu.acd.routing.AgentState;
import org.kefu.reporting.QueueReport;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbound routing rules, overflow to voicemail, follow-me, the english
 * queue and VIP overtaking, with real sipp calls. Rules, holidays and office hours are changed
 * through the admin REST API, as an administrator would, and put back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class InboundRoutingIT {

    private static final String ADMIN = "1006:kefu2026";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "routing-probe.war"))
                .addClasses(InboundRoutingIT.class, DeskAgents.class)
                .addAsResource("sipp/caller-waits-for-agent.xml")
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-answers.xml")
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @EJB(lookup = "java:global/kefu/kefu-ejb/Offers!org.kefu.acd.Offers")
    private Offers offers;

    @EJB(lookup = "java:global/kefu/kefu-ejb/QueueReport!org.kefu.reporting.QueueReport")
    private QueueReport report;

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private org.kefu.ivr.calls.IvrCalls ivr;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    @OperateOnDeployment("probe")
    void onAHolidayTheHotlineSaysItIsClosedAndTakesAMessageLinkedToTheCaller() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // Administrators only, and bad rules are refused with the reason, storing nothing.
        assertEquals(403, http("GET", "routing/rules", "1001:kefu2026", null).statusCode());
        HttpResponse<String> bad = http("POST", "routing/rules", ADMIN,
                "{\"priority\":1,\"name\":\"bad\",\"targetKind\":\"QUEUE\",\"target\":\"nosuchqueue\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("nosuchqueue"), bad.body());
        // The body is bound to a record and checked field by field (Bean Validation): each fault named.
        HttpResponse<String> noPriority = http("POST", "routing/rules", ADMIN,
                "{\"name\":\"bad\",\"weekdays\":[8],\"from\":\"8am\",\"targetKind\":\"QUEUE\",\"target\":\"hotline\"}");
        assertEquals(400, noPriority.statusCode(), noPriority.body());
        assertTrue(noPriority.body().contains("\"field\":\"priority\"") && noPriority.body().contains("\"field\":\"from\""),
                noPriority.body());
        assertEquals(400, http("POST", "routing/rules", ADMIN, "{\"priority\":\"first\",\"targetKind\":\"QUEUE\"}").statusCode());
        HttpResponse<String> rules = http("GET", "routing/rules", ADMIN, null);
        assertEquals(200, rules.statusCode());
        assertTrue(rules.body().contains("hotline closed: message") && !rules.body().contains("\"bad\""), rules.body());
        // 12345 gets office hours (every day, all day): only the holiday closes it.
        StringBuilder week = new StringBuilder("[");
        for (int d = 1; d <= 7; d++) {
            week.append(d > 1 ? "," : "").append("{\"weekday\":").append(d).append(",\"open\":\"00:00\",\"close\":\"24:00\"}");
        }
        assertEquals(204, http("PUT", "routing/hours/NUMBER/12345", ADMIN, week + "]").statusCode());
        bed.afterward("put back", () -> http("PUT", "routing/hours/NUMBER/12345", ADMIN, "[]"));
        assertEquals(405, http("POST", "routing/hours/NUMBER/12345", ADMIN, "[]").statusCode(), "hours are replaced with PUT");
        assertEquals(204, http("PUT", "routing/calendar/" + today, ADMIN, "{\"kind\":\"HOLIDAY\",\"name\":\"test holiday\"}").statusCode());
        bed.afterward("put back", () -> http("DELETE", "routing/calendar/" + today, ADMIN, null));
        assertTrue(http("GET", "routing/calendar", ADMIN, null).body().contains("\"date\":\"" + today + "\""));
        readyAt("1003", "8003"); // a ready hotline agent: the rule, not the agents, decides

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13800000111", "key", "1", "talk", "13000"));
        String callRef = awaitScalar("SELECT call_ref FROM call_record WHERE ani = '13800000111'");
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(new org.kefu.telephony.CallId(callRef));
            assertEquals("VOICEMAIL", data.get("kefu.ruleTarget"), data.toString());
            assertEquals("out-of-hours", data.get("kefu.ruleAnnouncement"), data.toString());
        }
        assertEquals(0, caller.await(40), caller.report());

        SipBed.await("the message was recorded after the announcement and the tone", Duration.ofSeconds(15),
                () -> "NEW".equals(scalar("SELECT status FROM voicemail WHERE call_ref = '" + callRef + "'")));
        assertEquals("13800000111", scalar("SELECT caller_phone FROM voicemail WHERE call_ref = '" + callRef + "'"));
        assertEquals("hotline", scalar("SELECT queue_code FROM voicemail WHERE call_ref = '" + callRef + "'"));
        String recording = scalar("SELECT recording_ref FROM voicemail WHERE call_ref = '" + callRef + "'");
        assertTrue(recording.endsWith(".wav") && !recording.contains("13800000111"),
                "a file name of generated ids, never the caller's number: " + recording);
        assertTrue(Long.parseLong(scalar("SELECT duration_millis FROM voicemail WHERE call_ref = '" + callRef + "'")) > 1000);
        assertEquals(null, scalar("SELECT event_type FROM acd_event WHERE call_ref = '" + callRef + "' AND event_type <> 'STATE'"),
                "the call never reached the ACD");
        assertEquals(AgentState.READY, sessions.status("1003").state());
        assertNotNull(scalar("SELECT id FROM audit_event WHERE action = 'CALENDAR_DAY_SAVE' AND target = '" + today + "'"), "audited");
    }

    @Test
    @OperateOnDeployment("probe")
    void aCallerNumberPrefixRuleSendsUkCallersStraightToTheEnglishQueue() throws Exception {
        Sipp phone = deskPhone("8002", "phone-answers.xml", "300");
        readyAt("1002", "8002"); // english 8
        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "00442079460000", "key", "1", "talk", "6000"));

        ConnectionId agentLeg = awaitConnected("8002", caller);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(agentLeg.call());
            assertEquals("english", data.get("kefu.queue"), data.toString());
            assertEquals(null, data.get("kefu.menuChoice"), "no menu: " + data);
        }
        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), phone.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aCustomerWhoSpeaksEnglishReachesTheEnglishQueueFromTheHotlineMenu() throws Exception {
        update("UPDATE customer SET lang = 'en' WHERE id = (SELECT customer_id FROM customer_phone WHERE phone = '13900139000')");
        bed.afterward("put back", () -> update("UPDATE customer SET lang = 'zh-CN' WHERE id = (SELECT customer_id FROM customer_phone WHERE phone = '13900139000')"));
        Sipp phone = deskPhone("8005", "phone-answers.xml", "300");
        readyAt("1005", "8005"); // english 10
        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13900139000", "key", "1", "talk", "6000"));

        ConnectionId agentLeg = awaitConnected("8005", caller);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            Map<String, String> data = sw.callData(agentLeg.call());
            assertEquals("english", data.get("kefu.queue"), data.toString());
            // The hotline flow's "1 agent" (its transfer to the hotline queue) led there.
            assertTrue(data.getOrDefault("ivr.path", "").contains("agent=queue:hotline"), data.toString());
        }
        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), phone.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aCallerWhoWaitedTheQueuesMaxWaitOverflowsToVoicemailAndLeavesAMessage() throws Exception {
        update("UPDATE call_queue SET max_wait_seconds = 3, overflow_kind = 'VOICEMAIL' WHERE code = 'utilities'");
        offers.reloadQueues();
        bed.afterward("put back", () -> {
            update("UPDATE call_queue SET max_wait_seconds = NULL, overflow_kind = 'QUEUE' WHERE code = 'utilities'");
            offers.reloadQueues();
        });
        logIn("1003", "8003"); // serves utilities, not ready: the caller waits

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "96000", "caller", "13800000121", "key", "0", "talk", "16000"));
        assertEquals(0, caller.await(40), caller.report());

        String callRef = awaitScalar("SELECT call_ref FROM call_record WHERE ani = '13800000121'");
        SipBed.await("a recorded message", Duration.ofSeconds(15),
                () -> "NEW".equals(scalar("SELECT status FROM voicemail WHERE call_ref = '" + callRef + "'")));
        assertEquals("utilities", scalar("SELECT queue_code FROM voicemail WHERE call_ref = '" + callRef + "'"));
        assertEquals("13800000121", scalar("SELECT caller_phone FROM voicemail WHERE call_ref = '" + callRef + "'"));
        assertEquals("to voicemail", scalar("SELECT detail FROM acd_event WHERE call_ref = '" + callRef + "' AND event_type = 'OVERFLOW'"));
        assertEquals(0, report.statistics("utilities").live().waiting());
    }

    @Test
    @OperateOnDeployment("probe")
    void aCallerWhoWaitedTheQueuesMaxWaitOverflowsToAnIvrFlow() throws Exception {
        update("UPDATE call_queue SET max_wait_seconds = 3, overflow_kind = 'IVR', overflow_flow = 'utilities-96000' WHERE code = 'utilities'");
        offers.reloadQueues();
        bed.afterward("put back", () -> {
            update("UPDATE call_queue SET max_wait_seconds = NULL, overflow_kind = 'QUEUE', overflow_flow = NULL WHERE code = 'utilities'");
            offers.reloadQueues();
        });
        logIn("1003", "8003"); // serves utilities, not ready: the caller waits

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "96000", "caller", "13800000151", "key", "0", "talk", "10000"));
        String callRef = awaitScalar("SELECT call_ref FROM call_record WHERE ani = '13800000151'");
        String detail = awaitScalar("SELECT detail FROM acd_event WHERE call_ref = '" + callRef + "' AND event_type = 'OVERFLOW'");
        assertEquals("to ivr utilities-96000", detail);
        awaitTrue(() -> ivr.inFlow(new org.kefu.telephony.CallId(callRef)), "the caller is in the utilities flow");
        assertEquals(0, report.statistics("utilities").live().waiting());
        assertEquals(0, caller.await(40), caller.report());
    }

    /** Toll fraud through follow-me (issue 14): an international number is never bound, and the refusal is on record. */
    @Test
    @OperateOnDeployment("probe")
    void aFollowMeNumberTheDialPolicyRefusesIsNotBoundAndTheRefusalIsAudited() throws Exception {
        String before = scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'DIAL_REFUSED' AND target = '0044207946000'");
        HttpResponse<String> r = http("POST", "agents/1004/follow-me", "1004:kefu2026", "{\"number\":\"0044207946000\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("INTERNATIONAL"), r.body());
        assertEquals(null, scalar("SELECT follow_me_number FROM agent WHERE job_number = '1004'"));
        assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(scalar(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DIAL_REFUSED' AND target = '0044207946000'")));
        assertTrue(scalar("SELECT detail FROM audit_event WHERE action = 'DIAL_REFUSED' AND target = '0044207946000' ORDER BY id DESC")
                .contains("path=FOLLOW_ME category=INTERNATIONAL"));
    }

    @Test
    @OperateOnDeployment("probe")
    void withFollowMeOnTheAgentsOutsideNumberRingsThroughTheTrunkInsteadOfTheDeskPhone() throws Exception {
        int trunkPort = Integer.getInteger("kefu.it.trunk.port", 16060);
        String mobile = "13912340003";
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", mobile, "answer_after", "300"), trunkPort);
        Sipp desk = deskPhone("8003", "phone-answers.xml", "300");
        HttpResponse<String> bound = http("POST", "agents/1003/follow-me", "1003:kefu2026", "{\"number\":\"" + mobile + "\"}");
        assertEquals(200, bound.statusCode(), bound.body());
        bed.afterward("put back", () -> http("POST", "agents/1003/follow-me", "1003:kefu2026", "{\"number\":null}"));
        assertEquals(409, http("POST", "agents/1003/follow-me/on", "1003:kefu2026", null).statusCode(), "not logged in yet");
        logIn("1003", "8003");
        HttpResponse<String> on = http("POST", "agents/1003/follow-me/on", "1003:kefu2026", null);
        assertEquals(200, on.statusCode(), on.body());
        assertTrue(on.body().contains("\"followMe\":true") && on.body().contains(mobile), on.body());
        assertEquals("1", scalar("SELECT follow_me FROM agent_login WHERE job_number = '1003'"));
        sessions.ready("1003");

        Sipp caller = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "96000", "caller", "13800000131", "key", "0", "talk", "8000"));
        awaitTrue(() -> sessions.status("1003").state() == AgentState.TALKING, "1003 talks on the outside phone");
        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, outside.await(20), "the outside phone got the call and the BYE: " + outside.report());
        assertEquals(1, outside.received("INVITE"), outside.report());
        assertEquals(0, desk.received("INVITE"), "the desk phone did not ring: " + desk.report());
        String callRef = awaitScalar("SELECT call_ref FROM call_record WHERE ani = '13800000131'");
        assertEquals("at " + mobile, scalar("SELECT detail FROM acd_event WHERE call_ref = '" + callRef + "' AND event_type = 'OFFER'"));
        assertNotNull(scalar("SELECT id FROM audit_event WHERE action = 'FOLLOW_ME_ON' AND target = '1003'"), "audited");
    }

    @Test
    @OperateOnDeployment("probe")
    void aVipCallerWhoArrivesLaterIsAnsweredBeforeAnOrdinaryCaller() throws Exception {
        logIn("1003", "8003"); // hotline agent, not ready yet: both callers wait
        Sipp ordinary = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13900139000", "key", "1", "talk", "14000")); // 李四, VIP 0
        awaitTrue(() -> report.statistics("hotline").live().waiting() == 1, "李四 waits");
        Thread.sleep(1500);
        Sipp vip = bed.start("caller-waits-for-agent.xml",
                Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "9000")); // 张三, VIP 3
        awaitTrue(() -> report.statistics("hotline").live().waiting() == 2, "both wait");

        Sipp phone = deskPhone("8003", "phone-answers.xml", "300");
        sessions.ready("1003");
        ConnectionId agentLeg = awaitConnected("8003", vip);
        try (SwitchConnection sw = switchFactory.getConnection()) {
            assertEquals("13800138000", sw.callData(agentLeg.call()).get("kefu.ani"), "张三 (VIP 3) overtook 李四");
        }
        assertEquals(1, report.statistics("hotline").live().waiting(), "李四 still waits");
        assertEquals(0, vip.await(40), vip.report());
        assertEquals(0, phone.await(20), phone.report());
        ordinary.await(40);
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> http(String method, String path, String credentials, String body) {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kefu/api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private void update(String sql) {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e, e);
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
        return SipBed.connectedAt(switchFactory, ext, caller, SipBed.DEFAULT_WAIT);
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) {
        SipBed.await(what, condition);
    }

    private String awaitScalar(String sql) {
        return SipBed.await(() -> "nothing for " + sql, Duration.ofSeconds(10), () -> scalar(sql), v -> true);
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
