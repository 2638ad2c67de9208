package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.kefu.ivr.IvrState;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The satisfaction survey after a call (issues 16 and 17): a hotline caller (sipp, keying RFC 2833)
 * talks to agent 1003 at a sipp desk phone; the agent hangs up and, the hotline queue asking for
 * the survey, the caller stays on the line, hears the survey and presses 4. The score is kept for
 * the call's agent and queue (offered before it is scored) and counted per agent over REST; the
 * supervisor's page shows the same figures.
 */
@ExtendWith(ArquillianExtension.class)
class SurveyIT {

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "survey-probe.war"))
                .addClasses(SurveyIT.class, DeskAgents.class, DtmfCaller.class, Sql.class, IvrWatch.class, ConsoleClient.class,
                        KefuApi.class)
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-answers.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @EJB(lookup = "java:global/kefu/kefu-ejb/Offers!org.kefu.acd.Offers")
    private Offers offers;

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private IvrCalls ivr;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    @OperateOnDeployment("probe")
    void whenTheAgentHangsUpTheCallerRatesTheCallAndTheScoreCountsForTheAgent() throws Exception {
        surveyOnTheHotline();
        Sipp phone = bed.deskPhone(switchFactory, "8003", "phone-answers.xml", "300");
        DeskAgents.readyAt(bed, sessions, "1003", "8003");
        String ani = "135" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        DtmfCaller caller = DtmfCaller.call("12345", ani, List.of("1", "4"));
        bed.afterward("stop the caller", () -> caller.sipp().kill());

        CallId call = awaitCallInFlow(ani, caller);
        awaitDigits(call, "the hotline menu");
        caller.go(); // 1: an agent
        ConnectionId agentLeg = SipBed.connectedAt(switchFactory, "8003", caller.sipp(), Duration.ofSeconds(20));
        assertNull(scalar("SELECT id FROM satisfaction_survey WHERE call_ref = ?", call.value()), "nothing asked while they talk");
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.clearConnection(agentLeg); // the agent hangs up
        }
        assertEquals(0, phone.await(20), "the desk phone got the BYE: " + phone.report());
        IvrState asked = awaitState(call, s -> "rate".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the survey asked");
        assertEquals("survey-satisfaction", asked.flowId());
        assertEquals("1003|hotline|", scalar("SELECT agent_job || '|' || queue_code || '|' || COALESCE(CAST(score AS VARCHAR(2)), '')"
                + " FROM satisfaction_survey WHERE call_ref = ?", call.value()), "offered, not yet scored");
        caller.go(); // 4: satisfied
        assertEquals(0, caller.sipp().await(40), "thanked, then Kefu hung up: " + caller.sipp().report());
        assertEquals("4", scalar("SELECT score FROM satisfaction_survey WHERE call_ref = ?", call.value()));

        assertEquals(403, api("api/surveys/agents", "1001").statusCode(), "agents do not read the survey figures");
        HttpResponse<String> figures = api("api/surveys/agents", "1005");
        assertEquals(200, figures.statusCode(), figures.body());
        JsonObject agent = Json.createReader(new StringReader(figures.body())).readArray().stream().map(v -> (JsonObject) v)
                .filter(o -> "1003".equals(o.getString("agent"))).findFirst().orElseThrow();
        assertTrue(agent.getInt("scored") >= 1 && agent.getInt("offered") >= agent.getInt("scored"), agent.toString());
        JsonArray scores = agent.getJsonArray("scores");
        assertEquals(5, scores.size());
        assertTrue(scores.getInt(3) >= 1, "a 4 among the scores: " + agent);
        assertEquals(400, api("api/surveys/agents?from=2026-01-01&to=2026-03-01", "1005").statusCode());

        // The supervisor's page shows the same figures for today.
        ConsoleClient console = new ConsoleClient(KefuApi.base());
        console.signIn("1005", "kefu2026");
        String page = console.get("supervisor/index.xhtml").body();
        StringBuilder spread = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            spread.append(i == 0 ? "" : " ").append(i + 1).append(':').append(scores.getInt(i));
        }
        assertTrue(page.contains("满意度调查") && page.contains(">1003<") && page.contains(spread.toString()),
                "the survey table with 1003's scores " + spread);
    }

    /** The hotline queue asks its callers for a rating, for this test. */
    private void surveyOnTheHotline() throws Exception {
        update("UPDATE call_queue SET survey_flow = 'survey-satisfaction' WHERE code = 'hotline'");
        offers.reloadQueues();
        bed.afterward("no survey on the hotline", () -> {
            update("UPDATE call_queue SET survey_flow = NULL WHERE code = 'hotline'");
            offers.reloadQueues();
        });
    }

    private CallId awaitCallInFlow(String ani, DtmfCaller caller) throws Exception {
        return SipBed.await(() -> "a call from " + ani + " in the hotline flow: " + caller.sipp().report(), Duration.ofSeconds(20),
                () -> {
                    String ref = scalar("SELECT call_ref FROM call_record WHERE ani = ?", ani);
                    return ref != null && ivr.inFlow(new CallId(ref)) ? new CallId(ref) : null;
                }, c -> c != null);
    }

    private void awaitDigits(CallId call, String what) {
        IvrWatch.awaitState(ivr, call, s -> s.waiting() == IvrState.Waiting.DIGITS, what);
    }

    private IvrState awaitState(CallId call, java.util.function.Predicate<IvrState> test, String what) {
        return IvrWatch.awaitState(ivr, call, test, what);
    }

    private static HttpResponse<String> api(String path, String login) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void update(String sql) throws SQLException {
        Sql.update(kefu, sql);
    }

    private String scalar(String sql, Object... params) throws SQLException {
        return Sql.scalar(kefu, sql, params);
    }
}
