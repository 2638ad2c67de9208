package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
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
import org.kefu.outbound.dunning.DunningRun;
import org.kefu.outbound.dunning.DunningSchedule;

import javax.sql.DataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dunning (欠费催缴, issue 16) by SMS and e-mail: a supervisor's run finds the ledger's overdue
 * utility bills and queues a reminder for each on kefu.dunning; the jobs send them through an
 * SMSC (jsmpp's server side) and an SMTP server (GreenMail), both on real sockets in the server
 * this probe runs in, where the test reads what arrived. Each test makes its own customers and
 * bills (other tests' and the demo's overdue bills may be reminded by the same runs).
 */
@ExtendWith(ArquillianExtension.class)
class DunningIT {

    private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "dunning-probe.war"))
                .addClasses(DunningIT.class, TestSmsc.class, TestMailServer.class, TestCustomers.class)
                .addPackages(true, Filters.exclude(".*/junit.*"), "com.icegreen.greenmail")
                // jsmpp comes from the EAR's lib/, which the probe sees through its dependency on the EAR.
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar,"
                        + " org.eclipse.angus.mail\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/DunningSchedule!org.kefu.outbound.dunning.DunningSchedule")
    private DunningSchedule schedule;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private jakarta.jms.ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/dunning")
    private jakarta.jms.Queue jobs;

    @Resource(lookup = "java:/jms/queue/kefu/dunning/DLQ")
    private jakarta.jms.Queue deadLetters;

    @Test
    @OperateOnDeployment("probe")
    void overdueBillsAreRemindedOnceBySmsOrEmailAsTheCustomerChoseAndTheListIsRespected() throws Exception {
        String sms = mobile();
        String listedMobile = mobile();
        String mailbox = "dunning-" + System.nanoTime() + "@example.com";
        Bill bySms = bill(customer("催缴甲", "zh-CN", sms, null, null), "128.50", LocalDate.now(CENTER).minusDays(20), "UNPAID");
        Bill byMail = bill(customer("Dunning B", "en", mobile(), mailbox, "EMAIL"), "86.20", LocalDate.now(CENTER).minusDays(1), "UNPAID");
        Bill listed = bill(customer("催缴丙", "zh-CN", listedMobile, null, null), "10.00", LocalDate.now(CENTER).minusDays(5), "UNPAID");
        Bill notYetDue = bill(customer("催缴丁", "zh-CN", mobile(), null, null), "20.00", LocalDate.now(CENTER), "UNPAID");
        Bill paid = bill(customer("催缴戊", "zh-CN", mobile(), null, null), "30.00", LocalDate.now(CENTER).minusDays(9), "PAID");
        Bill unknown = bill(null, "40.00", LocalDate.now(CENTER).minusDays(3), "UNPAID");
        update(kefu, "INSERT INTO do_not_call (phone, reason, added_by, added_at) VALUES (?, 'asked for no messages', 'dunning-it', CURRENT_TIMESTAMP)",
                listedMobile);
        try (TestSmsc smsc = new TestSmsc(port("kefu.smpp.port")); TestMailServer mail = new TestMailServer(port("kefu.smtp.port"))) {
            assertEquals(403, api("POST", "api/dunning/runs", "1001").statusCode(), "agents do not start dunning runs");
            HttpResponse<String> ran = api("POST", "api/dunning/runs", "1005");
            assertEquals(200, ran.statusCode(), ran.body());
            JsonObject run = json(ran.body());
            assertTrue(run.getInt("overdue") >= 4 && run.getInt("queued") >= 3 && run.getInt("noContact") >= 1, ran.body());

            // The SMS reached the SMSC once, in Chinese, with the amount, the due date and the bill.
            String sent = awaitStatus(bySms, "SENT");
            assertEquals("SENT", sent);
            List<TestSmsc.Sms> texts = smsc.to(sms);
            assertEquals(1, texts.size(), texts.toString());
            assertEquals("【客服中心】尊敬的催缴甲：您2026-01期账单" + bySms.number + "共128.50元已于" + bySms.due
                    + "到期，尚未缴纳，请尽快缴费。如已缴费请忽略。", texts.get(0).text());
            assertEquals("10690000", texts.get(0).from());
            assertEquals(texts.get(0).messageId(), scalar(kefu, "SELECT provider_ref FROM dunning_notice WHERE bill_number = ?", bySms.number));
            assertEquals("SMS|" + sms, scalar(kefu, "SELECT channel || '|' || address FROM dunning_notice WHERE bill_number = ?", bySms.number));

            // The e-mail reached the mail server, in English as the customer reads.
            assertEquals("SENT", awaitStatus(byMail, "SENT"));
            List<MimeMessage> mails = mail.to(mailbox);
            assertEquals(1, mails.size());
            assertEquals("客服中心: your bill for 2026-01 is overdue", mails.get(0).getSubject());
            String body = mails.get(0).getContent().toString();
            assertTrue(body.contains("your bill " + byMail.number + " for 2026-01, 86.20 yuan, was due on " + byMail.due), body);
            assertEquals(mails.get(0).getMessageID(), scalar(kefu, "SELECT provider_ref FROM dunning_notice WHERE bill_number = ?", byMail.number));

            // The listed number got nothing, and why is on record; the others were never reminded.
            assertEquals("REFUSED", awaitStatus(listed, "REFUSED"));
            assertEquals("DO_NOT_CALL: asked for no messages", scalar(kefu, "SELECT reason FROM dunning_notice WHERE bill_number = ?", listed.number));
            assertTrue(smsc.to(listedMobile).isEmpty());
            for (Bill none : List.of(notYetDue, paid, unknown)) {
                assertNull(scalar(kefu, "SELECT id FROM dunning_notice WHERE bill_number = ?", none.number), none.number);
            }

            // A second run the same day reminds no one again.
            HttpResponse<String> again = api("POST", "api/dunning/runs", "1005");
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(json(again.body()).getInt("recentlyReminded") >= 3, again.body());
            assertEquals("1", scalar(kefu, "SELECT COUNT(*) FROM dunning_notice WHERE bill_number = ?", bySms.number));
            Thread.sleep(1_000);
            assertEquals(1, smsc.to(sms).size());
            assertEquals(1, mail.to(mailbox).size());

            // Supervisors read the day's reminders; the runs are audited.
            HttpResponse<String> day = api("GET", "api/dunning/reminders?status=SENT", "1005");
            assertEquals(200, day.statusCode(), day.body());
            assertTrue(day.body().contains("\"bill\":\"" + bySms.number + "\"") && !day.body().contains(listed.number), day.body());
            HttpResponse<String> all = api("GET", "api/dunning/reminders", "1005");
            assertEquals(200, all.statusCode(), all.body());
            assertTrue(all.body().contains(listed.number) && all.body().contains("\"status\":\"REFUSED\""), all.body());
            assertEquals(400, api("GET", "api/dunning/reminders?status=LOST", "1005").statusCode());
            // The customer pays after the SMS: today's figures count the bill and its amount for SMS.
            JsonObject before = smsToday();
            update(ledger, "UPDATE utility_bill SET status = 'PAID', paid_at = CURRENT_TIMESTAMP WHERE bill_number = ?", bySms.number);
            JsonObject after = smsToday();
            assertEquals(before.getInt("paid") + 1, after.getInt("paid"), after.toString());
            assertEquals(0, before.getJsonNumber("collected").bigDecimalValue().add(new BigDecimal("128.50"))
                    .compareTo(after.getJsonNumber("collected").bigDecimalValue()), after.toString());
            assertTrue(after.getInt("sent") >= 1 && after.getInt("reminders") >= after.getInt("sent"), after.toString());
            assertEquals(400, api("GET", "api/dunning/figures?from=2026-01-01&to=2026-03-01", "1005").statusCode());
            assertEquals(400, api("GET", "api/dunning/reminders?day=yesterday", "1005").statusCode());
            assertEquals(403, api("GET", "api/dunning/reminders", "1002").statusCode());
            assertTrue(scalar(kefu, "SELECT detail FROM audit_event WHERE action = 'DUNNING_RUN' AND actor = ? ORDER BY id DESC", "1005")
                    .startsWith("DunningRun[overdue="));
        } finally {
            update(kefu, "DELETE FROM do_not_call WHERE phone = ?", listedMobile);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aReminderFoundBeingSentAfterAFailureIsMarkedUncertainAndNeverSentAgain() throws Exception {
        String sms = mobile();
        long customer = customer("催缴己", "zh-CN", sms, null, null);
        Bill bill = bill(customer, "55.00", LocalDate.now(CENTER).minusDays(2), "UNPAID");
        Bill paidMeanwhile = bill(customer, "66.00", LocalDate.now(CENTER).minusDays(2), "UNPAID");
        // As a crash between claiming and recording would leave it: SENDING, its job delivered again.
        long claimed = notice(bill, customer, sms, "SENDING", "x");
        long queued = notice(paidMeanwhile, customer, sms, "QUEUED", "y");
        update(ledger, "UPDATE utility_bill SET status = 'PAID' WHERE bill_number = ?", paidMeanwhile.number);
        try (TestSmsc smsc = new TestSmsc(port("kefu.smpp.port"))) {
            send("{\"type\":\"dunning\",\"noticeId\":" + claimed + "}", "dunning:" + claimed);
            send("{\"type\":\"dunning\",\"noticeId\":" + queued + "}", "dunning:" + queued);
            assertEquals("UNCERTAIN", awaitStatus(bill, "UNCERTAIN"));
            assertEquals("CANCELLED", awaitStatus(paidMeanwhile, "CANCELLED"));
            assertEquals("PAID", scalar(kefu, "SELECT reason FROM dunning_notice WHERE id = " + queued));
            Thread.sleep(1_000);
            assertTrue(smsc.to(sms).isEmpty(), smsc.to(sms).toString());
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void whileTheSmscIsDownAReminderIsTriedAgainThenFailsWithItsReason() throws Exception {
        String sms = mobile();
        long customer = customer("催缴庚", "zh-CN", sms, null, null);
        Bill bill = bill(customer, "77.00", LocalDate.now(CENTER).minusDays(4), "UNPAID");
        long id = notice(bill, customer, sms, "QUEUED", "z");
        send("{\"type\":\"dunning\",\"noticeId\":" + id + "}", "dunning:" + id); // no SMSC listens
        // Two tries in the suite (kefu.dunning.maxTries=2), a second apart.
        assertEquals("FAILED", awaitStatus(bill, "FAILED"));
        assertEquals("2", scalar(kefu, "SELECT tries FROM dunning_notice WHERE id = " + id));
        assertTrue(scalar(kefu, "SELECT reason FROM dunning_notice WHERE id = " + id).startsWith("the SMSC is unreachable"));
    }

    @Test
    @OperateOnDeployment("probe")
    void theDailyRunRemindsWithoutAUserAndIsAuditedAsTheSchedule() throws Exception {
        String mailbox = "daily-" + System.nanoTime() + "@example.com";
        Bill bill = bill(customer("Daily Run", "en", mobile(), mailbox, "EMAIL"), "12.30", LocalDate.now(CENTER).minusDays(8), "UNPAID");
        try (TestMailServer mail = new TestMailServer(port("kefu.smtp.port"))) {
            DunningRun run = schedule.run(); // what the timer at kefu.dunning.dailyAt does, called here without a user
            assertTrue(run.queued() >= 1, run.toString());
            assertEquals("SENT", awaitStatus(bill, "SENT"));
            assertEquals(1, mail.to(mailbox).size());
        }
        assertEquals("kefu-dunning-schedule|SUCCESS", scalar(kefu, "SELECT actor || '|' || outcome FROM audit_event WHERE action = 'DUNNING_RUN'"
                + " ORDER BY id DESC"));
        assertEquals("kefu-dunning-schedule", scalar(kefu, "SELECT run_by FROM dunning_notice WHERE bill_number = ?", bill.number));
    }

    @Test
    @OperateOnDeployment("probe")
    void aMalformedJobIsDeadLetteredWithItsReasonAndChangesNothing() throws Exception {
        String key = "dunning:bad-" + System.nanoTime();
        assertEquals("field \"noticeId\" must be a positive whole number",
                deadLettered("{\"type\":\"dunning\",\"noticeId\":\"all of them\"}", key));
        assertEquals("no dunning notice 999999999", deadLettered("{\"type\":\"dunning\",\"noticeId\":999999999}", key + "-none"));
    }

    private record Bill(String number, LocalDate due) {
    }


    /** Today's SMS row of the dunning figures. */
    private static JsonObject smsToday() throws Exception {
        HttpResponse<String> figures = api("GET", "api/dunning/figures", "1005");
        assertEquals(200, figures.statusCode(), figures.body());
        return Json.createReader(new StringReader(figures.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("channel").equals("SMS") && d.getString("day").equals(LocalDate.now(CENTER).toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no SMS today: " + figures.body()));
    }

    private String awaitStatus(Bill bill, String wanted) {
        return SipBed.await(() -> "reminder of " + bill.number + " " + wanted, Duration.ofSeconds(20),
                () -> scalar(kefu, "SELECT status FROM dunning_notice WHERE bill_number = ?", bill.number), wanted::equals);
    }

    private String deadLettered(String body, String key) throws Exception {
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "dunning").setJMSCorrelationID(key).send(jobs, body);
            try (JMSConsumer dlq = ctx.createConsumer(deadLetters, "JMSCorrelationID = '" + key + "'")) {
                Message dead = dlq.receive(15_000);
                assertTrue(dead != null, "the job reached kefu.dunning.DLQ");
                return dead.getStringProperty("kefu_error");
            }
        }
    }

    private void send(String body, String key) {
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "dunning").setJMSCorrelationID(key).send(jobs, body);
        }
    }

    /** A customer with a mobile, perhaps an e-mail address and a chosen channel; its id. */
    private long customer(String name, String lang, String mobile, String email, String channel) throws SQLException {
        return TestCustomers.create(kefu, name, lang, mobile, email, channel);
    }

    /** An overdue (or not) bill of the customer's (null: a utility customer Kefu does not know). */
    private Bill bill(Long customer, String amount, LocalDate due, String status) throws SQLException {
        String utilityCustomer = "UD" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String number = "B-" + utilityCustomer + "-2026-01";
        update(ledger, "INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount, status, due_date)"
                + " VALUES (?, ?, 'INT-UTIL-GZPOWER', '2026-01', ?, ?, ?)", number, utilityCustomer, new BigDecimal(amount), status, Date.valueOf(due));
        if (customer != null) {
            update(kefu, "INSERT INTO customer_account (account_number, customer_id, kind) VALUES (?, ?, 'UTILITY')", utilityCustomer, customer);
        }
        return new Bill(number, due);
    }

    /** A reminder row as a run would have made it, in the given state; its id. */
    private long notice(Bill bill, long customer, String mobile, String status, String keySuffix) throws SQLException {
        update(kefu, "INSERT INTO dunning_notice (notice_key, bill_number, customer_id, channel, address, amount, due_date, period, status,"
                        + " tries, run_by, created_at, updated_at) VALUES (?, ?, ?, 'SMS', ?, 1.00, ?, '2026-01', ?, ?, 'dunning-it', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                bill.number + "@it-" + keySuffix, bill.number, customer, mobile, Date.valueOf(bill.due), status, "SENDING".equals(status) ? 1 : 0);
        return Long.parseLong(scalar(kefu, "SELECT id FROM dunning_notice WHERE bill_number = ?", bill.number));
    }

    private static String mobile() {
        return "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private static int port(String property) {
        return Integer.getInteger(property);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static HttpResponse<String> api(String method, String path, String login) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void update(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String scalar(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
