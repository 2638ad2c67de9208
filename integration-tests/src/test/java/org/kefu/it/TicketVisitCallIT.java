package org.kefu.it;

import jakarta.ejb.EJB;
import jakarta.annotation.Resource;
import jakarta.json.Json;
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
import org.kefu.ivr.IvrState;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.telephony.CallId;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The satisfaction visit by phone (issue 17): for a ticket answered and told, an agent asks Kefu to
 * call the customer; Kefu calls through the test trunk, where sipp answers as the customer's phone
 * and keys the answers (RFC 2833): solved, attitude 4, not charged, score 5. The ticket is VISITED
 * with that visit, by "ivr". A ticket not yet told is refused (409), a number on the do-not-call
 * list is never dialled (403, audited), a department's handler may not ask (403).
 */
@ExtendWith(ArquillianExtension.class)
class TicketVisitCallIT {

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "ticket-visit-probe.war"))
                .addClasses(TicketVisitCallIT.class, DtmfCustomer.class, DtmfCaller.class, Sql.class, IvrWatch.class, KefuApi.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private IvrCalls ivr;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Test
    @OperateOnDeployment("probe")
    void theCustomerAnswersTheVisitOnTheKeypadAndTheTicketIsVisited() throws Exception {
        String mobile = mobile();
        long number = told(mobile, "燃气表读数异常");
        assertEquals(403, KefuApi.call("POST", "api/tickets/" + number + "/visit-calls", "2001", null).statusCode(),
                "a department's handler does not place calls");

        DtmfCustomer phone = DtmfCustomer.answering(trunkPort(), mobile, 300, List.of("1", "4", "2", "5"));
        bed.afterward("stop the customer's sipp", () -> phone.sipp().kill());
        HttpResponse<String> placed = KefuApi.call("POST", "api/tickets/" + number + "/visit-calls", "1001", null);
        assertEquals(202, placed.statusCode(), placed.body());
        CallId call = new CallId(Json.createReader(new StringReader(placed.body())).readObject().getString("call"));
        SipBed.await(() -> "the visit's flow runs; " + phone.sipp().report(), Duration.ofSeconds(30), () -> ivr.inFlow(call), b -> b);
        for (String node : List.of("solved", "attitude", "charged", "score")) {
            IvrWatch.awaitState(ivr, call, s -> node.equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "asked: " + node);
            phone.go();
        }
        assertEquals(0, phone.sipp().await(60), "thanked, then Kefu hung up: " + phone.sipp().report());

        JsonObject ticket = Json.createReader(new StringReader(KefuApi.call("GET", "api/tickets/" + number, "1001", null).body())).readObject();
        assertEquals("VISITED", ticket.getString("status"));
        String visits = KefuApi.call("GET", "api/tickets/" + number + "/visits", "1001", null).body();
        assertTrue(visits.contains("\"visitor\":\"ivr\"") && visits.contains("\"solved\":true") && visits.contains("\"attitude\":4")
                && visits.contains("\"charged\":false") && visits.contains("\"score\":5"), visits);
        assertEquals("1001|SUCCESS", Sql.scalar(kefu, "SELECT actor || '|' || outcome FROM audit_event WHERE action = 'TICKET_VISIT_CALL'"
                + " AND target = ? ORDER BY id", "ticket " + number));
        assertEquals(409, KefuApi.call("POST", "api/tickets/" + number + "/visit-calls", "1001", null).statusCode(), "visited once");
        assertEquals(1, phone.sipp().received("INVITE"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aNumberOnTheDoNotCallListIsNotCalledForTheVisit() throws Exception {
        String mobile = mobile();
        long number = told(mobile, "水表漏水");
        Sql.update(kefu, "INSERT INTO do_not_call (phone, reason, added_by, added_at) VALUES (?, 'asked not to be called', 'visit-it',"
                + " CURRENT_TIMESTAMP)", mobile);
        HttpResponse<String> refused = KefuApi.call("POST", "api/tickets/" + number + "/visit-calls", "1001", null);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("DO_NOT_CALL"), refused.body());
        assertEquals("DENIED", Sql.scalar(kefu, "SELECT outcome FROM audit_event WHERE action = 'DIAL_REFUSED' AND target = ?", mobile));
        assertEquals("INFORMED", Json.createReader(new StringReader(KefuApi.call("GET", "api/tickets/" + number, "1001", null).body()))
                .readObject().getString("status"));
    }

    /**
     * A ticket from {@code phone}, accepted, answered by the centre and told (INFORMED): its number.
     * While it is not yet told, no visit is called for it.
     */
    private static long told(String phone, String subject) throws Exception {
        HttpResponse<String> opened = KefuApi.call("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"GAS\","
                + "\"subject\":\"" + subject + " " + Long.toString(System.nanoTime(), 36) + "\",\"callerPhone\":\"" + phone + "\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = Json.createReader(new StringReader(opened.body())).readObject().getJsonNumber("number").longValue();
        assertEquals(200, KefuApi.call("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"ACCEPT\"}").statusCode());
        HttpResponse<String> early = KefuApi.call("POST", "api/tickets/" + number + "/visit-calls", "1001", null);
        assertEquals(409, early.statusCode(), "not yet answered and told: " + early.body());
        assertEquals(200, KefuApi.call("POST", "api/tickets/" + number + "/actions", "1001",
                "{\"action\":\"ANSWER\",\"note\":\"已上门检查，表计正常\"}").statusCode());
        // Told by the agent (409 when Kefu's own answer notice told the customer first).
        KefuApi.call("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"INFORM\"}");
        assertEquals("INFORMED", Json.createReader(new StringReader(KefuApi.call("GET", "api/tickets/" + number, "1001", null).body()))
                .readObject().getString("status"));
        return number;
    }

    private static int trunkPort() {
        return Integer.getInteger("kefu.it.trunk.port", 16060);
    }

    private static String mobile() {
        return "136" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }
}
