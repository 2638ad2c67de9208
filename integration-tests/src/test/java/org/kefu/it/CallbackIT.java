package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
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
import org.kefu.outbound.CallbackDialer;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callbacks that are really made (issue 16): a caller waiting in the hotline presses 9, the job on
 * kefu.callbacks becomes attempt 1 waiting in the queue, and when the agent is ready Kefu rings
 * the agent's sipp desk phone, then dials the customer on the test trunk from it (a sipp
 * "customer" that answers, or is busy). Outcomes are stored per attempt; a busy customer is tried
 * again after the retry interval (3 s in the suite); a malformed job is dead-lettered with its
 * reason and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CallbackIT {

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "callback-probe.war"))
                .addClasses(CallbackIT.class, DeskAgents.class)
                .addAsResource("sipp/caller-requests-callback.xml")
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-answers.xml")
                .addAsResource("sipp/phone-busy.xml")
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallbackDialer!org.kefu.outbound.CallbackDialer")
    private CallbackDialer callbacks;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:/ConnectionFactory")
    private jakarta.jms.ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks")
    private jakarta.jms.Queue jobs;

    @Resource(lookup = "java:/jms/queue/kefu/callbacks/DLQ")
    private jakarta.jms.Queue deadLetters;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    @OperateOnDeployment("probe")
    void aCallerWhoPressedNineIsCalledBackFromTheAgentsDeskOnceAndTheAnswerIsStored() throws Exception {
        String customer = "13800000062";
        Sipp desk = bed.deskPhone(switchFactory, "8004", "phone-answers.xml", "300");
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", customer, "answer_after", "300"), trunkPort());
        DeskAgents.logIn(bed, sessions, "1004", "8004"); // serves the hotline, not ready: the caller waits

        String id = requestLeftBy(customer);
        sessions.ready("1004");

        // The desk rang and answered, then the customer's phone on the trunk, which answered too.
        String outcome = SipBed.await(() -> "attempt 1 answered: " + outside.report(), Duration.ofSeconds(30),
                () -> scalar("SELECT outcome FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1"), v -> v != null);
        assertEquals("ANSWERED", outcome);
        assertEquals("DONE|ANSWERED|1", scalar("SELECT status || '|' || last_outcome || '|' || attempts FROM callback_request WHERE id = " + id));
        assertEquals("1004", scalar("SELECT agent_job FROM callback_attempt WHERE request_id = " + id));
        ConnectionId agentLeg = SipBed.connectedAt(switchFactory, "8004", outside, Duration.ofSeconds(10));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            assertEquals(id + ":1", sw.callData(agentLeg.call()).get("kefu.callback"));
            sw.clearCall(agentLeg.call()); // the conversation ends
        }
        assertEquals(0, outside.await(20), "the customer talked and got the BYE: " + outside.report());
        assertEquals(0, desk.await(20), "the desk talked and got the BYE: " + desk.report());
        assertEquals(1, outside.received("INVITE"), "the customer was dialled once: " + outside.messages());

        // Supervisors see it over REST; a finished request cannot be withdrawn; agents see nothing.
        HttpResponse<String> seen = api("GET", "api/callbacks/" + id, "1005");
        assertEquals(200, seen.statusCode(), seen.body());
        jakarta.json.JsonObject request = jakarta.json.Json.createReader(new java.io.StringReader(seen.body())).readObject();
        assertEquals("DONE", request.getString("status"), seen.body());
        assertEquals(1, request.getInt("attempts"), seen.body());
        assertEquals(1, request.getJsonArray("history").size(), seen.body());
        jakarta.json.JsonObject attempt = request.getJsonArray("history").getJsonObject(0);
        assertEquals(1, attempt.getInt("attempt"));
        assertEquals("ENDED", attempt.getString("status"));
        assertEquals("1004", attempt.getString("agent"));
        assertEquals("ANSWERED", attempt.getString("outcome"));
        // Today's figures count it: a contact in the hotline (other tests' callbacks may add to them).
        HttpResponse<String> figures = api("GET", "api/callbacks/figures", "1005");
        assertEquals(200, figures.statusCode(), figures.body());
        jakarta.json.JsonObject hotline = jakarta.json.Json.createReader(new java.io.StringReader(figures.body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(d -> d.getString("queue").equals("hotline"))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no hotline day: " + figures.body()));
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), hotline.getString("day"));
        assertTrue(hotline.getInt("contacts") >= 1 && hotline.getJsonObject("outcomes").getInt("ANSWERED") >= 1, figures.body());
        assertEquals(403, api("GET", "api/callbacks/figures", "1001").statusCode());
        assertEquals(400, api("GET", "api/callbacks/figures?from=2026-01-01&to=2026-03-01", "1005").statusCode());
        HttpResponse<String> late = api("DELETE", "api/callbacks/" + id, "1005");
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("\"error\""), late.body());
        assertEquals(403, api("GET", "api/callbacks?status=DONE", "1004").statusCode());
        assertEquals(404, api("GET", "api/callbacks/99999999", "1005").statusCode());
        assertEquals(403, api("OPTIONS", "api/callbacks/" + id, "1005").statusCode(), "no preflight: no cross-site DELETE");
    }

    @Test
    @OperateOnDeployment("probe")
    void theWebFormIsANarrowDoorNoNumberIsRungOverAndOverAndNoAddressFloodsIt() throws Exception {
        String mobile = "13800000064";
        HttpResponse<String> taken = publicForm("{\"phone\":\"" + mobile + "\",\"reason\":\"电费账单有疑问\",\"queue\":\"utilities\"}");
        assertEquals(202, taken.statusCode(), taken.body());
        String reference = taken.body().replaceAll(".*\"reference\":\"(web:[0-9a-f-]+)\".*", "$1");
        String id = scalar("SELECT id FROM callback_request WHERE request_key = '" + reference + "'");
        assertTrue(id != null, taken.body());
        bed.afterward("withdraw callback request " + id, () -> callbacks.cancel(Long.parseLong(id), "callback-it"));
        assertEquals(mobile + "|utilities|电费账单有疑问|QUEUED",
                scalar("SELECT phone || '|' || queue_code || '|' || reason || '|' || status FROM callback_request WHERE id = " + id));
        SipBed.await(() -> "the web request's first attempt", Duration.ofSeconds(10),
                () -> scalar("SELECT status FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1"), "WAITING"::equals);

        // Nobody can have a number rung again and again: one waiting request per number.
        HttpResponse<String> again = publicForm("{\"phone\":\"" + mobile + "\"}");
        assertEquals(409, again.statusCode(), again.body());
        // Only mobile and landline numbers in China: no international, premium or service number is ever dialled.
        assertEquals(403, publicForm("{\"phone\":\"00441632960001\"}").statusCode());
        assertEquals(403, publicForm("{\"phone\":\"95500\"}").statusCode());
        HttpResponse<String> bad = publicForm("{\"phone\":\"call me\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"error\":\"phone must be 3 to 20 digits\""), bad.body());
        assertNull(scalar("SELECT id FROM callback_request WHERE phone IN ('00441632960001', '95500', 'call me')"));
        // Five requests an hour from one address, refused ones included: the sixth waits.
        HttpResponse<String> flood = publicForm("{\"phone\":\"13800000065\"}");
        assertEquals(429, flood.statusCode(), flood.body());
        assertTrue(Long.parseLong(flood.headers().firstValue("Retry-After").orElse("0")) > 0, flood.headers().toString());
        assertNull(scalar("SELECT id FROM callback_request WHERE phone = '13800000065'"));
    }

    private static HttpResponse<String> publicForm(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(serverUri("api/public/callback-requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI serverUri(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
    }

    /** The REST API of the server this probe runs in, as a demo login. */
    private static HttpResponse<String> api(String method, String path, String login) throws Exception {
        return api(method, path, login, null);
    }

    private static HttpResponse<String> api(String method, String path, String login, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(serverUri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @OperateOnDeployment("probe")
    void aBusyCustomerIsStoredAsBusyAndTriedAgainAsTheNextAttempt() throws Exception {
        String customer = "13800000063";
        Sipp desk = bed.deskPhone(switchFactory, "8004", "phone-answers.xml", "300");
        Sipp outside = bed.start("phone-busy.xml", Map.of("ext", customer), trunkPort());
        DeskAgents.logIn(bed, sessions, "1004", "8004");

        String id = requestLeftBy(customer);
        sessions.ready("1004");

        String outcome = SipBed.await(() -> "attempt 1 ended: " + outside.report(), Duration.ofSeconds(30),
                () -> scalar("SELECT outcome FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1"), v -> v != null);
        assertEquals("BUSY", outcome);
        assertEquals(0, outside.await(20), "the customer's phone said busy: " + outside.report());
        assertEquals(0, desk.await(20), "the desk's call ended with the busy customer: " + desk.report());
        // The next attempt's job comes after the retry interval: attempt 2 waits in the queue again.
        String next = SipBed.await(() -> "attempt 2 of request " + id, Duration.ofSeconds(20),
                () -> scalar("SELECT status FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 2"), v -> v != null);
        assertTrue(next.equals("WAITING") || next.equals("DIALLING") || next.equals("ENDED"), next);
        assertEquals("BUSY", scalar("SELECT last_outcome FROM callback_request WHERE id = " + id));
    }

    @Test
    @OperateOnDeployment("probe")
    void aMalformedJobIsDeadLetteredWithItsReasonAndChangesNothing() throws Exception {
        String key = "bo:bad-" + System.nanoTime();
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "callback").setJMSCorrelationID(key)
                    .send(jobs, "{\"type\":\"callback\",\"requestId\":\"" + key + "\",\"phone\":\"call me\"}");
            try (JMSConsumer dlq = ctx.createConsumer(deadLetters, "JMSCorrelationID = '" + key + "'")) {
                Message dead = dlq.receive(15_000);
                assertTrue(dead != null, "the job reached kefu.callbacks.DLQ");
                assertEquals("field \"phone\" must be 3 to 20 digits", dead.getStringProperty("kefu_error"));
            }
        }
        assertNull(scalar("SELECT id FROM callback_request WHERE request_key = '" + key + "'"), "no request was made of it");
    }

    @Test
    @OperateOnDeployment("probe")
    void aNumberOnTheDoNotCallListIsNeverDialledAndTheRefusalIsRecorded() throws Exception {
        String customer = "13800000066";
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", customer, "answer_after", "300"), trunkPort());
        // Agents may not keep the list; a supervisor lists the number, and it is audited.
        assertEquals(403, api("PUT", "api/do-not-call/numbers/" + customer, "1001", "{\"reason\":\"asked not to be called\"}").statusCode());
        HttpResponse<String> listed = api("PUT", "api/do-not-call/numbers/" + customer, "1005", "{\"reason\":\"asked not to be called\"}");
        assertEquals(200, listed.statusCode(), listed.body());
        bed.afterward("take " + customer + " off the list", () -> api("DELETE", "api/do-not-call/numbers/" + customer, "1005", null));
        assertEquals(400, api("PUT", "api/do-not-call/numbers/call-me", "1005", "{\"reason\":\"x\"}").statusCode());
        assertEquals(400, api("PUT", "api/do-not-call/numbers/" + customer, "1005", "{\"reason\":\"\"}").statusCode());
        assertTrue(api("GET", "api/do-not-call", "1005", null).body().contains(customer));
        assertEquals("SUCCESS", scalar("SELECT outcome FROM audit_event WHERE action = 'DNC_ADD' AND actor = '1005' AND target = 'number "
                + customer + "' ORDER BY id DESC"));

        // The back office asks for a callback to it: refused at once, never dialled, the reason stored.
        String key = "bo:dnc-" + System.nanoTime();
        send("{\"type\":\"callback\",\"requestId\":\"" + key + "\",\"phone\":\"" + customer + "\",\"queue\":\"hotline\"}", key);
        String status = SipBed.await(() -> "request " + key + " refused", Duration.ofSeconds(15),
                () -> scalar("SELECT status FROM callback_request WHERE request_key = '" + key + "'"), "FAILED"::equals);
        assertEquals("FAILED", status);
        assertEquals("DO_NOT_CALL", scalar("SELECT last_outcome FROM callback_request WHERE request_key = '" + key + "'"));
        assertNull(scalar("SELECT a.id FROM callback_attempt a JOIN callback_request r ON r.id = a.request_id WHERE r.request_key = '"
                + key + "'"), "no attempt was made");
        assertEquals("DENIED", scalar("SELECT outcome FROM audit_event WHERE action = 'DIAL_REFUSED' AND target = '" + customer
                + "' AND actor = 'kefu-callbacks' ORDER BY id DESC"));
        // A customer on the list: none of the customer's numbers is dialled (张三, 13800138000).
        String zhangSan = scalar("SELECT customer_id FROM customer_phone WHERE phone = '13800138000'");
        HttpResponse<String> customerListed = api("PUT", "api/do-not-call/customers/" + zhangSan, "1005",
                "{\"reason\":\"complaint pending\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        assertEquals(200, customerListed.statusCode(), customerListed.body());
        bed.afterward("take customer " + zhangSan + " off the list", () -> api("DELETE", "api/do-not-call/customers/" + zhangSan, "1005", null));
        assertEquals(404, api("PUT", "api/do-not-call/customers/999999999", "1005", "{\"reason\":\"x\"}").statusCode());
        String key2 = "bo:dnc-customer-" + System.nanoTime();
        send("{\"type\":\"callback\",\"requestId\":\"" + key2 + "\",\"phone\":\"13800138000\",\"queue\":\"hotline\"}", key2);
        assertEquals("FAILED", SipBed.await(() -> "request " + key2 + " refused", Duration.ofSeconds(15),
                () -> scalar("SELECT status FROM callback_request WHERE request_key = '" + key2 + "'"), "FAILED"::equals));
        assertEquals("DO_NOT_CALL", scalar("SELECT last_outcome FROM callback_request WHERE request_key = '" + key2 + "'"));
        assertEquals(204, api("DELETE", "api/do-not-call/customers/" + zhangSan, "1005", null).statusCode());

        // Taken off again (audited too); the customer's phone never rang.
        HttpResponse<String> taken = api("DELETE", "api/do-not-call/numbers/" + customer, "1005", null);
        assertEquals(204, taken.statusCode(), taken.body());
        assertEquals(404, api("DELETE", "api/do-not-call/numbers/" + customer, "1005", null).statusCode());
        assertEquals(0, outside.received("INVITE"), "the listed number was never dialled: " + outside.messages());
    }

    @Test
    @OperateOnDeployment("probe")
    void outsideTheCallingHoursACallbackWaitsForThemUndialled() throws Exception {
        String customer = "13800000067";
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", customer, "answer_after", "300"), trunkPort());
        // The server runs in this JVM: calling hours that exclude the present hour in Shanghai, read at each dial.
        int hour = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getHour();
        String window = hour < 12 ? "18:00-19:00" : "06:00-07:00";
        for (String day : new String[] {"workday", "weekend", "holiday"}) {
            String property = "kefu.outbound.hours." + day;
            String before = System.getProperty(property);
            System.setProperty(property, window);
            bed.afterward("calling hours back", () -> {
                if (before == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, before);
                }
            });
        }
        String key = "bo:hours-" + System.nanoTime();
        send("{\"type\":\"callback\",\"requestId\":\"" + key + "\",\"phone\":\"" + customer + "\",\"queue\":\"hotline\"}", key);
        String outcome = SipBed.await(() -> "request " + key + " waits for the calling hours", Duration.ofSeconds(15),
                () -> scalar("SELECT last_outcome FROM callback_request WHERE request_key = '" + key + "'"), "CALLING_HOURS"::equals);
        assertEquals("CALLING_HOURS", outcome);
        String id = scalar("SELECT id FROM callback_request WHERE request_key = '" + key + "'");
        bed.afterward("withdraw callback request " + id, () -> callbacks.cancel(Long.parseLong(id), "callback-it"));
        assertEquals("QUEUED", scalar("SELECT status FROM callback_request WHERE id = " + id));
        assertNull(scalar("SELECT id FROM callback_attempt WHERE request_id = " + id), "no attempt before the hours open");
        HttpResponse<String> seen = api("GET", "api/callbacks/" + id, "1005", null);
        assertTrue(seen.body().contains("\"lastOutcome\":\"CALLING_HOURS\""), seen.body());
        Thread.sleep(2000); // what a wrong server would have done by now: dial
        assertEquals(0, outside.received("INVITE"), "nobody was dialled outside the hours: " + outside.messages());
    }

    private void send(String job, String key) throws Exception {
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "callback").setJMSCorrelationID(key).send(jobs, job);
        }
    }

    /** A caller on the hotline waits, presses 9; returns the request's id once attempt 1 waits. */
    private String requestLeftBy(String number) throws Exception {
        Sipp caller = bed.start("caller-requests-callback.xml", Map.of("service", "12345", "caller", number, "key", "1", "wait", "2000"));
        assertEquals(0, caller.await(40), "Kefu confirmed and hung up: " + caller.report());
        String id = SipBed.await(() -> "a callback request from " + number, Duration.ofSeconds(10),
                () -> scalar("SELECT id FROM callback_request WHERE phone = '" + number + "' ORDER BY id DESC"), v -> v != null);
        bed.afterward("withdraw callback request " + id, () -> callbacks.cancel(Long.parseLong(id), "callback-it"));
        SipBed.await(() -> "attempt 1 of request " + id + " waits", Duration.ofSeconds(10),
                () -> scalar("SELECT status FROM callback_attempt WHERE request_id = " + id + " AND attempt_no = 1"), "WAITING"::equals);
        return id;
    }

    private static int trunkPort() {
        return Integer.getInteger("kefu.it.trunk.port", 16060);
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
