package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop's first half (issue 17): a ticket answered by its department is told to the
 * customer by their preference, through an SMSC (jsmpp's server side) and an SMTP server
 * (GreenMail) on real sockets, or by a callback job that puts an agent through to them; the
 * ticket becomes INFORMED when the message reached its provider. The do-not-call list is obeyed and
 * a malformed job is dead-lettered with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class TicketAnswerNoticesIT {

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "answer-notices-probe.war"))
                .addClasses(TicketAnswerNoticesIT.class, TestSmsc.class, TestMailServer.class, TestCustomers.class, KefuApi.class)
                .addPackages(true, Filters.exclude(".*/junit.*"), "com.icegreen.greenmail")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar,"
                        + " org.eclipse.angus.mail\n"));
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:/ConnectionFactory")
    private jakarta.jms.ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/notices")
    private jakarta.jms.Queue jobs;

    @Resource(lookup = "java:/jms/queue/kefu/tickets/notices/DLQ")
    private jakarta.jms.Queue deadLetters;

    @Test
    @OperateOnDeployment("probe")
    void anAnsweredTicketIsToldBySmsOrEmailAsTheCustomerChoseAndBecomesInformed() throws Exception {
        String mobile = mobile();
        String listed = mobile();
        String mailbox = "answer-" + System.nanoTime() + "@example.com";
        long bySms = customer("告知甲", "zh-CN", mobile, null, null);
        long byMail = customer("Answer B", "en", mobile(), mailbox, "EMAIL");
        long onTheList = customer("告知丙", "zh-CN", listed, null, null);
        update("INSERT INTO do_not_call (phone, reason, added_by, added_at) VALUES (?, 'asked for no messages', 'answer-it', CURRENT_TIMESTAMP)",
                listed);
        try (TestSmsc smsc = new TestSmsc(Integer.getInteger("kefu.smpp.port")); TestMailServer mail = new TestMailServer(Integer.getInteger("kefu.smtp.port"))) {
            long smsTicket = answered(bySms, mobile, "线路已抢修，\n今日 14:00 已复电。");
            assertEquals("INFORMED", awaitTicket(smsTicket, "INFORMED"));
            List<TestSmsc.Sms> texts = smsc.to(mobile);
            assertEquals(1, texts.size(), texts.toString());
            assertEquals("【客服中心】您反映的问题（工单" + smsTicket + "）已答复：线路已抢修， 今日 14:00 已复电。 如不满意，请来电并提供工单号。",
                    texts.get(0).text());
            JsonObject notice = notices(smsTicket).get(0);
            assertEquals("0|SMS|" + mobile + "|SENT|1", notice.getInt("round") + "|" + notice.getString("channel") + "|"
                    + notice.getString("address") + "|" + notice.getString("status") + "|" + notice.getInt("tries"));
            assertEquals(texts.get(0).messageId(), scalar("SELECT provider_ref FROM ticket_answer_notice WHERE ticket_id = ?", smsTicket));
            String history = KefuApi.call("GET", "api/tickets/" + smsTicket + "/history", "1001", null).body();
            assertTrue(history.contains("\"actor\":\"kefu-notice\"") && history.contains("\"action\":\"INFORM\""), history);
            assertEquals("1", scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'TICKET_INFORM' AND target = ? AND actor = 'kefu-notice'",
                    "ticket " + smsTicket));

            long mailTicket = answered(byMail, null, "The meter was replaced on Monday.");
            assertEquals("INFORMED", awaitTicket(mailTicket, "INFORMED"));
            List<MimeMessage> mails = mail.to(mailbox);
            assertEquals(1, mails.size());
            assertEquals("客服中心: your request " + mailTicket + " has been answered", mails.get(0).getSubject());
            assertTrue(mails.get(0).getContent().toString().contains("The meter was replaced on Monday."), mails.get(0).getContent().toString());

            long listedTicket = answered(onTheList, listed, "已处理。");
            SipBed.await(() -> "the listed customer's notice refused", Duration.ofSeconds(20),
                    () -> scalar("SELECT status FROM ticket_answer_notice WHERE ticket_id = ?", listedTicket), "REFUSED"::equals);
            assertEquals("DO_NOT_CALL: asked for no messages", notices(listedTicket).get(0).getString("reason"));
            assertTrue(smsc.to(listed).isEmpty(), "nothing reached the listed number");
            assertEquals("ANSWERED", scalar("SELECT status FROM ticket WHERE id = ?", listedTicket), "the centre informs by hand");
        }
        assertEquals(403, KefuApi.call("GET", "api/tickets/1/notices", "2001", null).statusCode(), "a department reads no notices");
    }

    @Test
    @OperateOnDeployment("probe")
    void aCustomerWhoChoseACallIsCalledBackByAnAgentWhoReadsTheAnswer() throws Exception {
        String mobile = mobile();
        long customer = customer("告知丁", "zh-CN", mobile, null, "CALL");
        long ticket = answered(customer, mobile, "故障已排除。");
        String key = "ticket:" + ticket + "-0";
        String request = scalar("SELECT id FROM callback_request WHERE request_key = ?", key);
        assertTrue(request != null, "a callback job for " + key);
        assertEquals(mobile + "|回电告知工单" + ticket + "的答复：故障已排除。",
                scalar("SELECT phone || '|' || reason FROM callback_request WHERE request_key = ?", key));
        JsonObject notice = notices(ticket).get(0);
        assertEquals("CALL|CALLBACK", notice.getString("channel") + "|" + notice.getString("status"));
        assertEquals("ANSWERED", scalar("SELECT status FROM ticket WHERE id = ?", ticket), "informed once an agent reached them");
        // Withdrawn, so that no other test's agent is offered this call.
        assertEquals(204, KefuApi.call("DELETE", "api/callbacks/" + request, "1005", null).statusCode());
    }

    @Test
    @OperateOnDeployment("probe")
    void aMalformedJobIsDeadLetteredWithItsReason() throws Exception {
        assertEquals("not a JSON object", deadLettered("not json", "answer-it-1"));
        assertEquals("field \"noticeId\" must be a positive whole number", deadLettered("{\"type\":\"ticket-answer\",\"noticeId\":0}", "answer-it-2"));
        assertEquals("no answer notice 999999999 to send", deadLettered("{\"type\":\"ticket-answer\",\"noticeId\":999999999}", "answer-it-3"));
    }

    /** A ticket of the customer's, accepted, dispatched to the power bureau, taken and answered there; its number. */
    private long answered(long customer, String phone, String answer) throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        HttpResponse<String> opened = KefuApi.call("POST", "api/tickets", "1001", "{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"停电 "
                + nonce + "\",\"customerId\":" + customer + (phone == null ? "" : ",\"callerPhone\":\"" + phone + "\"") + "}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        String actions = "api/tickets/" + number + "/actions";
        for (String[] step : List.of(new String[]{"1001", "{\"action\":\"ACCEPT\"}"}, new String[]{"1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\"}"},
                new String[]{"2001", "{\"action\":\"START\"}"},
                new String[]{"2001", Json.createObjectBuilder().add("action", "ANSWER").add("note", answer).build().toString()})) {
            HttpResponse<String> r = KefuApi.call("POST", actions, step[0], step[1]);
            assertEquals(200, r.statusCode(), step[1] + ": " + r.body());
        }
        return number;
    }

    private List<JsonObject> notices(long ticket) throws Exception {
        HttpResponse<String> r = KefuApi.call("GET", "api/tickets/" + ticket + "/notices", "1001", null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class);
    }

    private String awaitTicket(long ticket, String wanted) {
        return SipBed.await(() -> "ticket " + ticket + " " + wanted, Duration.ofSeconds(20),
                () -> scalar("SELECT status FROM ticket WHERE id = ?", ticket), wanted::equals);
    }

    private String deadLettered(String body, String key) throws Exception {
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "ticket-answer").setJMSCorrelationID(key).send(jobs, body);
            try (JMSConsumer dlq = ctx.createConsumer(deadLetters, "JMSCorrelationID = '" + key + "'")) {
                Message dead = dlq.receive(15_000);
                assertTrue(dead != null, "the job reached kefu.tickets.notices.DLQ");
                return dead.getStringProperty("kefu_error");
            }
        }
    }


    /** A customer with a mobile, perhaps an e-mail address and a chosen channel; its id. */
    private long customer(String name, String lang, String mobile, String email, String channel) throws SQLException {
        return TestCustomers.create(kefu, name, lang, mobile, email, channel);
    }

    private static String mobile() {
        return "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private String scalar(String sql, Object... params) {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
