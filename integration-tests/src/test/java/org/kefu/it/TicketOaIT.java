package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's OA hook over the real broker, as an OA system outside the server sees it: it signs in
 * over the network as the demo's 'oa' (role oa), reads the dispatch of a ticket to the urban
 * management bureau (a department that works in OA) on kefu.tickets.oa.out, reports that the
 * bureau took and answered it on kefu.tickets.oa.in, and sees each step come back; bad messages and
 * refused steps are dead-lettered with their reason; no other login reads or writes those queues.
 */
@ExtendWith(ArquillianExtension.class)
class TicketOaIT {

    private static final String PASSWORD = "kefu2026";

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "oa-probe.war").addClasses(TicketOaIT.class, KefuApi.class);
    }

    /** In-VM, as Kefu's own beans connect: to look into the dead-letter queue. */
    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory local;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/oa/out")
    private Queue oaOut;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/oa/in")
    private Queue oaIn;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/oa/in/DLQ")
    private Queue oaInDlq;

    private static ConnectionFactory remote() throws Exception {
        return (ConnectionFactory) new InitialContext().lookup("java:jboss/exported/jms/RemoteConnectionFactory");
    }

    @Test
    @OperateOnDeployment("probe")
    void anOaSystemHearsOfItsDepartmentsTicketAndReportsItTakenAndAnswered() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"COMPLAINT\",\"category\":\"ROADS\","
                + "\"subject\":\"路灯不亮 " + nonce + "\",\"description\":\"中山路123号门口\",\"callerPhone\":\"13800138000\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        String actions = "api/tickets/" + number + "/actions";
        assertEquals(200, api("POST", actions, "1001", "{\"action\":\"ACCEPT\"}").statusCode());
        HttpResponse<String> dispatched = api("POST", actions, "1001", "{\"action\":\"DISPATCH\"}");
        assertEquals("URBAN", json(dispatched.body()).getString("department"), dispatched.body());

        try (JMSContext oa = remote().createContext("oa", PASSWORD);
             JMSConsumer steps = oa.createConsumer(oaOut, "kefu_ticket = " + number)) {
            JsonObject dispatch = next(steps, "the dispatch");
            assertEquals("ticket.dispatched|DISPATCH|ACCEPTED|DISPATCHED|URBAN", dispatch.getString("type") + "|" + dispatch.getString("action")
                    + "|" + dispatch.getString("from") + "|" + dispatch.getString("to") + "|" + dispatch.getString("department"));
            assertEquals("路灯不亮 " + nonce + "|中山路123号门口|ROADS|COMPLAINT", dispatch.getString("subject") + "|"
                    + dispatch.getString("description") + "|" + dispatch.getString("category") + "|" + dispatch.getString("ticketType"));
            assertTrue(dispatch.containsKey("answerBy"), dispatch.toString());

            oa.createProducer().send(oaIn, "{\"ticket\":" + number + ",\"department\":\"URBAN\",\"action\":\"START\",\"handler\":\"王师傅\"}");
            JsonObject started = next(steps, "the start reported back");
            assertEquals("ticket.status|START|IN_PROGRESS|oa|王师傅", started.getString("type") + "|" + started.getString("action") + "|"
                    + started.getString("to") + "|" + started.getString("actor") + "|" + started.getString("handler"));
            oa.createProducer().send(oaIn, "{\"ticket\":" + number + ",\"department\":\"URBAN\",\"action\":\"ANSWER\",\"handler\":\"王师傅\","
                    + "\"note\":\"已更换灯泡\"}");
            assertEquals("ANSWERED", next(steps, "the answer reported back").getString("to"));
        }
        JsonObject ticket = json(api("GET", "api/tickets/" + number, "1001", null).body());
        assertEquals("ANSWERED|王师傅|已更换灯泡", ticket.getString("status") + "|" + ticket.getString("assignee") + "|"
                + ticket.getString("answer"));
        String history = api("GET", "api/tickets/" + number + "/history", "1005", null).body();
        assertTrue(history.contains("\"actor\":\"oa\"") && history.contains("[王师傅] 已更换灯泡"), history);

        // Bad input and refused steps are dead-lettered with their reason, and change nothing.
        assertRefused("not json at all", "not JSON");
        assertRefused("{\"ticket\":" + number + ",\"department\":\"URBAN\",\"action\":\"CLOSE\"}", "must be START, RETURN or ANSWER");
        assertRefused("{\"ticket\":" + number + ",\"department\":\"URBAN\",\"action\":\"ANSWER\",\"note\":\"again\"}", "BAD_TRANSITION");
        assertRefused("{\"ticket\":" + number + ",\"department\":\"WATER\",\"action\":\"RETURN\",\"note\":\"x\"}", "WATER does not work in an OA system");
        assertRefused("{\"ticket\":\"" + number + "\",\"department\":\"URBAN\",\"action\":\"START\"}", "must be a ticket number");
        assertRefused("{\"ticket\":" + number + ",\"action\":\"START\"}", "\"department\" is missing");
        assertEquals("ANSWERED", json(api("GET", "api/tickets/" + number, "1001", null).body()).getString("status"));
    }

    @Test
    @OperateOnDeployment("probe")
    void onlyTheOaSystemReadsAndWritesItsQueues() throws Exception {
        for (String login : new String[] {"bo", "1006", "2001"}) {
            try (JMSContext ctx = remote().createContext(login, PASSWORD)) {
                assertThrows(JMSSecurityRuntimeException.class, () -> ctx.createConsumer(oaOut).close(), login + " may not read the OA's queue");
                assertThrows(JMSSecurityRuntimeException.class, () -> ctx.createProducer().send(oaIn, "{}"), login + " may not report for the OA");
            }
        }
        try (JMSContext oa = remote().createContext("oa", PASSWORD)) {
            assertThrows(JMSSecurityRuntimeException.class, () -> oa.createConsumer(oaIn).close(), "the OA system does not read its own reports");
        }
    }

    private void assertRefused(String body, String reason) throws Exception {
        String correlation = "oa-it-" + UUID.randomUUID();
        try (JMSContext oa = remote().createContext("oa", PASSWORD)) {
            oa.createProducer().setJMSCorrelationID(correlation).send(oaIn, body);
        }
        String error = null;
        for (long until = System.currentTimeMillis() + 20_000; error == null && System.currentTimeMillis() < until; ) {
            try (JMSContext ctx = local.createContext(); QueueBrowser browser = ctx.createBrowser(oaInDlq, "JMSCorrelationID = '" + correlation + "'")) {
                for (Object m : Collections.list(browser.getEnumeration())) {
                    error = ((Message) m).getStringProperty("kefu_error");
                }
            }
            if (error == null) {
                Thread.sleep(200);
            }
        }
        assertNotNull(error, "dead-lettered: " + body);
        assertTrue(error.contains(reason), error);
    }

    private static JsonObject next(JMSConsumer consumer, String what) throws Exception {
        Message m = consumer.receive(20_000);
        assertNotNull(m, what + " on kefu.tickets.oa.out");
        return json(((TextMessage) m).getText());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static HttpResponse<String> api(String method, String path, String login, String json) throws Exception {
        return KefuApi.call(method, path, login, json);
    }
}
