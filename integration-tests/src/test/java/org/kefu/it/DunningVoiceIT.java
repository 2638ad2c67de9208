package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
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
import java.util.Base64;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dunning by voice (issue 16): a reminder's job on kefu.dunning makes Kefu call the customer
 * through the test trunk, where sipp answers as the customer's phone and keys on the keypad
 * (RFC 2833). The IVR flow dunning-reminder speaks the amount and due date; 1 pays the bill from
 * the customer's bank account after the card's PIN, through the 2PC bill payment (the ledger moves
 * exactly once); 2 puts the customer through to an agent of the utilities queue; 3 promises a date,
 * and the next run leaves the bill alone until that day; a number on the do-not-call list, or an
 * international one, is never dialled.
 */
@ExtendWith(ArquillianExtension.class)
class DunningVoiceIT {

    private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "dunning-voice-probe.war"))
                .addClasses(DunningVoiceIT.class, DtmfCustomer.class, DtmfCaller.class, BankingFixtures.class, TestCustomers.class,
                        Sql.class, IvrWatch.class, DeskAgents.class)
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-answers.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private IvrCalls ivr;

    @EJB(lookup = "java:global/kefu/kefu-ejb/AgentSessions!org.kefu.acd.AgentSessions")
    private AgentSessions sessions;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private jakarta.jms.ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/dunning")
    private jakarta.jms.Queue jobs;

    @Test
    @OperateOnDeployment("probe")
    void theCustomerHearsTheReminderAndPaysByPhoneAndTheLedgerMovesOnce() throws Exception {
        BankingFixtures banking = new BankingFixtures(ledger, kefu);
        String bank = banking.customer("500.00", "5000", "20000");
        String mobile = mobile();
        long customer = TestCustomers.create(kefu, "催缴语音甲", "zh-CN", mobile, null, "CALL");
        update(kefu, "INSERT INTO customer_account (account_number, customer_id, kind) VALUES (?, ?, 'BANK')", bank, customer);
        Bill bill = bill(customer, "88.50", LocalDate.now(CENTER).minusDays(3));
        long notice = notice(bill, customer, mobile);

        DtmfCustomer phone = DtmfCustomer.answering(trunkPort(), mobile, 300, List.of("1", BankingFixtures.PIN));
        bed.afterward("stop the customer's sipp", () -> phone.sipp().kill());
        send(notice);
        CallId call = awaitCallInFlow(notice, phone);
        IvrState menu = awaitState(call, s -> "remind".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the reminder spoken");
        assertEquals("88.50", menu.vars().get("billAmount"), path(menu));
        assertEquals(bill.due.toString(), menu.vars().get("dueDate"), path(menu));
        assertEquals("SENT|" + call.value(), scalar(kefu, "SELECT status || '|' || provider_ref FROM dunning_notice WHERE id = " + notice),
                "answered: the reminder reached the customer");
        phone.go(); // 1: pay now
        awaitState(call, s -> "pay-pin".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the PIN asked");
        phone.go(); // the card's PIN
        assertEquals(0, phone.sipp().await(60), "the customer heard it was paid, then Kefu hung up: " + phone.sipp().report());

        assertEquals("PAID " + bank, scalar(ledger, "SELECT status || ' ' || paid_from FROM utility_bill WHERE bill_number = ?", bill.number));
        assertEquals(0, new BigDecimal("411.50").compareTo(banking.balance(bank)), "500.00 - 88.50, once");
        assertEquals(1, banking.ledgerCount("SELECT COUNT(*) FROM posting WHERE account_number = ? AND amount < 0", bank),
                "one debit of the customer's account");
        assertEquals("SENT|PAID", scalar(kefu, "SELECT status || '|' || outcome FROM dunning_notice WHERE id = " + notice));
        assertEquals(1, phone.sipp().received("INVITE"), "the customer was called once: " + phone.sipp().messages());
        String trace = phone.sipp().messages();
        assertTrue(!trace.contains(BankingFixtures.PIN), "no PIN digits in the signalling");
    }

    @Test
    @OperateOnDeployment("probe")
    void threePromisesADateWhichIsStoredWithTheReminder() throws Exception {
        String mobile = mobile();
        long customer = TestCustomers.create(kefu, "催缴语音乙", "zh-CN", mobile, null, "CALL");
        Bill bill = bill(customer, "42.00", LocalDate.now(CENTER).minusDays(5));
        long notice = notice(bill, customer, mobile);
        LocalDate promised = LocalDate.now(CENTER).plusDays(7);
        String keyed = promised.format(DateTimeFormatter.BASIC_ISO_DATE);
        // First a date that does not exist (asked again), then a real one.
        DtmfCustomer phone = DtmfCustomer.answering(trunkPort(), mobile, 300, List.of("3", "20261399#", keyed + "#"));
        bed.afterward("stop the customer's sipp", () -> phone.sipp().kill());
        send(notice);
        CallId call = awaitCallInFlow(notice, phone);
        awaitState(call, s -> "remind".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the reminder spoken");
        phone.go();
        awaitState(call, s -> "promise".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the date asked");
        phone.go();
        awaitState(call, s -> "promise".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS
                && path(s).contains("promise-invalid"), "an impossible date refused and the date asked again");
        phone.go();
        assertEquals(0, phone.sipp().await(60), "the promise was read back, then Kefu hung up: " + phone.sipp().report());

        assertEquals("SENT|PROMISED|" + promised, scalar(kefu,
                "SELECT status || '|' || outcome || '|' || CAST(promised_on AS VARCHAR(10)) FROM dunning_notice WHERE id = " + notice));
        assertEquals("UNPAID", scalar(ledger, "SELECT status FROM utility_bill WHERE bill_number = ?", bill.number));

        // A week later the bill is still unpaid, but its day has not come: the next run leaves it alone.
        update(kefu, "UPDATE dunning_notice SET created_at = ? WHERE id = " + notice,
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(8))));
        HttpResponse<String> ran = api("POST", "api/dunning/runs", "1005");
        assertEquals(200, ran.statusCode(), ran.body());
        assertTrue(Json.createReader(new StringReader(ran.body())).readObject().getInt("promised") >= 1, ran.body());
        assertEquals("1", scalar(kefu, "SELECT COUNT(*) FROM dunning_notice WHERE bill_number = ?", bill.number),
                "no new reminder before the promised day");
    }

    @Test
    @OperateOnDeployment("probe")
    void twoPutsTheCustomerThroughToAnAgentOfTheUtilitiesQueue() throws Exception {
        String mobile = mobile();
        long customer = TestCustomers.create(kefu, "催缴语音丁", "zh-CN", mobile, null, "CALL");
        Bill bill = bill(customer, "66.00", LocalDate.now(CENTER).minusDays(4));
        long notice = notice(bill, customer, mobile);
        // 张伟 (1003) serves the utilities queue at desk 8003: registered, logged in, ready.
        Sipp desk = bed.deskPhone(switchFactory, "8003", "phone-answers.xml", "300");
        DeskAgents.readyAt(bed, sessions, "1003", "8003");

        DtmfCustomer phone = DtmfCustomer.answering(trunkPort(), mobile, 300, List.of("2"));
        bed.afterward("stop the customer's sipp", () -> phone.sipp().kill());
        send(notice);
        CallId call = awaitCallInFlow(notice, phone);
        awaitState(call, s -> "remind".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the reminder spoken");
        phone.go(); // 2: an agent
        ConnectionId agentLeg = SipBed.connectedAt(switchFactory, "8003", phone.sipp(), Duration.ofSeconds(20));
        assertEquals("SENT|AGENT", scalar(kefu, "SELECT status || '|' || outcome FROM dunning_notice WHERE id = " + notice));
        assertEquals("utilities|1003", scalar(kefu, "SELECT e.queue_code || '|' || o.job_number FROM acd_event e, acd_event o"
                + " WHERE e.call_ref = ? AND e.event_type = 'ENQUEUE' AND o.call_ref = e.call_ref AND o.event_type = 'OFFER'", call.value()),
                "queued for utilities and offered to its agent");
        try (SwitchConnection sw = switchFactory.getConnection()) {
            sw.clearConnection(agentLeg); // the agent hangs up when they are done
        }
        assertEquals(0, desk.await(20), "the desk phone got the BYE: " + desk.report());
        assertEquals(0, phone.sipp().await(30), "and the customer: " + phone.sipp().report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aNumberOnTheDoNotCallListIsNeverDialledAndTheReasonIsKept() throws Exception {
        String mobile = mobile();
        long customer = TestCustomers.create(kefu, "催缴语音丙", "zh-CN", mobile, null, "CALL");
        Bill bill = bill(customer, "19.90", LocalDate.now(CENTER).minusDays(2));
        long notice = notice(bill, customer, mobile);
        update(kefu, "INSERT INTO do_not_call (phone, reason, added_by, added_at) VALUES (?, 'asked not to be called', 'dunning-voice-it', CURRENT_TIMESTAMP)", mobile);
        Sipp phone = bed.start("phone-answers.xml", Map.of("ext", mobile, "answer_after", "300"), trunkPort());
        try {
            send(notice);
            SipBed.await("the reminder refused", Duration.ofSeconds(20),
                    () -> "REFUSED".equals(scalar(kefu, "SELECT status FROM dunning_notice WHERE id = " + notice)));
            assertTrue(scalar(kefu, "SELECT reason FROM dunning_notice WHERE id = " + notice).startsWith("DO_NOT_CALL"));
            Thread.sleep(1_000);
            assertEquals(0, phone.received("INVITE"), "never dialled: " + phone.messages());
        } finally {
            update(kefu, "DELETE FROM do_not_call WHERE phone = ?", mobile);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aCustomerRecordEditedToAnInternationalNumberIsNotCalledAndTheRefusalIsAudited() throws Exception {
        String abroad = "00441632" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long customer = TestCustomers.create(kefu, "催缴语音丁", "zh-CN", abroad, null, "CALL");
        Bill bill = bill(customer, "33.00", LocalDate.now(CENTER).minusDays(2));
        long notice = notice(bill, customer, abroad);
        send(notice);
        SipBed.await("the reminder refused by the dial policy", Duration.ofSeconds(20),
                () -> "FAILED".equals(scalar(kefu, "SELECT status FROM dunning_notice WHERE id = " + notice)));
        assertTrue(scalar(kefu, "SELECT reason FROM dunning_notice WHERE id = " + notice).startsWith("DIAL_REFUSED"));
        assertEquals("kefu-dunning|DENIED", scalar(kefu, "SELECT actor || '|' || outcome FROM audit_event WHERE action = 'DIAL_REFUSED'"
                + " AND target = ? ORDER BY id DESC", abroad));
    }

    // --- helpers ---

    private record Bill(String number, LocalDate due) {
    }

    /** An overdue bill of the customer's utility account. */
    private Bill bill(long customer, String amount, LocalDate due) throws SQLException {
        String utilityCustomer = "UV" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String number = "B-" + utilityCustomer + "-2026-11";
        update(ledger, "INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount, status, due_date)"
                + " VALUES (?, ?, 'INT-UTIL-GZPOWER', '2026-11', ?, 'UNPAID', ?)", number, utilityCustomer, new BigDecimal(amount), Date.valueOf(due));
        update(kefu, "INSERT INTO customer_account (account_number, customer_id, kind) VALUES (?, ?, 'UTILITY')", utilityCustomer, customer);
        return new Bill(number, due);
    }

    /** A voice reminder as a run makes it for a customer who chose calls; its id. */
    private long notice(Bill bill, long customer, String phone) throws SQLException {
        update(kefu, "INSERT INTO dunning_notice (notice_key, bill_number, customer_id, channel, address, amount, due_date, period, status,"
                        + " tries, run_by, created_at, updated_at) VALUES (?, ?, ?, 'VOICE', ?, ?, ?, '2026-11', 'QUEUED', 0, 'dunning-voice-it',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                bill.number + "@voice-it", bill.number, customer, phone,
                new BigDecimal(scalar(ledger, "SELECT amount FROM utility_bill WHERE bill_number = ?", bill.number)), Date.valueOf(bill.due));
        return Long.parseLong(scalar(kefu, "SELECT id FROM dunning_notice WHERE bill_number = ?", bill.number));
    }

    private void send(long notice) {
        try (JMSContext ctx = jms.createContext()) {
            ctx.createProducer().setProperty("kefu_type", "dunning").setJMSCorrelationID("dunning:" + notice)
                    .send(jobs, "{\"type\":\"dunning\",\"noticeId\":" + notice + "}");
        }
    }

    private CallId awaitCallInFlow(long notice, DtmfCustomer phone) {
        return SipBed.await(() -> "reminder " + notice + " in an IVR flow; " + phone.sipp().report(), Duration.ofSeconds(30), () -> {
            String ref = scalar(kefu, "SELECT provider_ref FROM dunning_notice WHERE id = " + notice);
            return ref != null && ivr.inFlow(new CallId(ref)) ? new CallId(ref) : null;
        }, c -> true);
    }

    private IvrState awaitState(CallId call, Predicate<IvrState> test, String what) {
        return IvrWatch.awaitState(ivr, call, test, what);
    }

    private static String path(IvrState s) {
        return IvrWatch.path(s);
    }

    private static HttpResponse<String> api(String method, String path, String login) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int trunkPort() {
        return Integer.getInteger("kefu.it.trunk.port", 16060);
    }

    private static String mobile() {
        return "137" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private static void update(DataSource ds, String sql, Object... params) throws SQLException {
        Sql.update(ds, sql, params);
    }

    private static String scalar(DataSource ds, String sql, Object... params) throws SQLException {
        return Sql.scalar(ds, sql, params);
    }
}
