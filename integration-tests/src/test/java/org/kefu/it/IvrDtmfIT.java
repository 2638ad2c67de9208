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
import org.kefu.ivr.IvrState;
import org.kefu.ivr.PathEntry;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.telephony.CallId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each demo flow driven end to end by a real sipp caller keying RFC 2833 telephone events
 * (account numbers, PINs, prices with * and #), with the effects checked in the databases
 * afterwards: a securities order placed with its cash frozen, a utility bill paid from the linked
 * bank account, a repair ticket whose number was read back, a ticket's status, a balance and a
 * transfer, and the hotline's out-of-hours message (recording file and row). The test lets sipp
 * key each entry when the flow waits for it (see {@link DtmfCaller}).
 */
@ExtendWith(ArquillianExtension.class)
class IvrDtmfIT {

    /** PIN 888888 (as BankingFixtures' cards). */
    private static final String PIN_SALT = "qdKn7mJZhyPwHVP4NYwexA==";
    private static final String PIN_HASH = "l5He1dyOThwStm5pmuI7/AtVg/BOYJePzXXHgUpSSyM=";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "ivr-dtmf-probe.war")
                .addClasses(IvrDtmfIT.class, Sipp.class, DtmfCaller.class, Deployments.class)
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private IvrCalls ivr;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Test
    @OperateOnDeployment("probe")
    void securitiesBuyOrderKeyedByPhoneIsPlacedWithItsCashFrozen() throws Exception {
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String account = "GZ01" + digits;
        String cash = "SEC-IT" + digits;
        String bank = newBankAccount(BigDecimal.ZERO);
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES (?, 'IVR IT', 'SECURITIES', 0)", cash);
            open(c, cash, new BigDecimal("20000.00"));
            update(c, "INSERT INTO sec_account (account_id, holder_name, kind, branch_code, cash_account, bank_account)"
                    + " VALUES (?, 'IVR IT', 'CUSTOMER', 'GZ01', ?, ?)", account, cash, bank);
        }
        String ani = newAni();
        // 3 order; account without its letters; the linked card's PIN; 1 buy; code; 10.05; 100 shares; 1 confirm; 9 end
        DtmfCaller caller = DtmfCaller.call("95501", ani,
                List.of("3", "01" + digits + "#", "888888", "1", "600000", "10*05#", "100#", "1", "9"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            keysAt(caller, call, "start");
            keysAt(caller, call, "account");
            keysAt(caller, call, "pin");
            keysAt(caller, call, "side");
            keysAt(caller, call, "order-code");
            keysAt(caller, call, "order-price");
            keysAt(caller, call, "order-quantity");
            IvrState confirm = awaitState(call, s -> "confirm-buy".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS,
                    "the order read back for confirmation");
            assertEquals("10.05", confirm.vars().get("price"), path(confirm));
            assertEquals("100", confirm.vars().get("quantity"), path(confirm));
            assertEquals(0, count(ledger, "SELECT COUNT(*) FROM sec_order WHERE account_id = ?", account), "nothing before the 1");
            caller.go();
            IvrState placed = awaitState(call, s -> s.vars().containsKey("orderRef") && "main".equals(s.node())
                    && s.waiting() == IvrState.Waiting.DIGITS, "the order placed");
            assertTrue(path(placed).contains("pin=***") && !path(placed).contains("888888"), path(placed));
            caller.go(); // 9: goodbye
            assertEquals(0, caller.sipp().await(30), "Kefu said goodbye and hung up: " + caller.sipp().report());

            String ref = placed.vars().get("orderRef");
            assertEquals("BUY 600000 10.05 100",
                    string(ledger, "SELECT side || ' ' || stock_code || ' ' || CAST(limit_price AS VARCHAR(20)) || ' ' || CAST(quantity AS VARCHAR(20))"
                            + " FROM sec_order WHERE order_ref = ? AND account_id = '" + account + "'", ref));
            // 100 x 10.05 + the minimum commission of 5.00 is frozen on the cash account (settled if the branch filled already).
            assertEquals(0, new BigDecimal("1010.00").compareTo(new BigDecimal(
                    string(ledger, "SELECT amount FROM account_hold WHERE reference = ? AND account_number = '" + cash + "'", ref))));
        } finally {
            caller.sipp().kill();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void utilitiesBillPaidFromTheLinkedAccountRepairTicketReadBackAndStatusQuery() throws Exception {
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String utility = "U" + digits;
        String bill = "B-" + utility + "-IT";
        String bank = newBankAccount(new BigDecimal("500.00"));
        String ani = newAni();
        long customer;
        try (Connection c = kefu.getConnection()) {
            update(c, "INSERT INTO customer (name, id_number, vip_level, lang) VALUES ('IVR IT', ?, 0, 'zh-CN')", "IT" + digits);
            customer = Long.parseLong(string(kefu, "SELECT id FROM customer WHERE id_number = ?", "IT" + digits));
            update(c, "INSERT INTO customer_account (account_number, customer_id, kind) VALUES (?, ?, 'UTILITY')", utility, customer);
            update(c, "INSERT INTO customer_account (account_number, customer_id, kind) VALUES (?, ?, 'BANK')", bank, customer);
        }
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount, status)"
                    + " VALUES (?, ?, 'INT-UTIL-GZPOWER', '2026-11', 88.50, 'UNPAID')", bill, utility);
        }
        // An answered ticket to ask about (its number outside the sequence's range); the flow hears RESOLVED.
        long resolved = 90_000_000L + ThreadLocalRandom.current().nextInt(1, 9_999_999);
        try (Connection c = kefu.getConnection()) {
            update(c, "INSERT INTO ticket (id, customer_id, category, subject, status, channel, created_at, updated_at)"
                    + " VALUES (?, ?, 'REPAIR', 'IT', 'ANSWERED', 'AGENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", resolved, customer);
        }
        DtmfCaller caller = DtmfCaller.call("96000", ani,
                List.of("1", digits + "#", "1", "888888", "2", "3", resolved + "#", "9"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            keysAt(caller, call, "start");
            keysAt(caller, call, "customer");
            IvrState confirm = awaitState(call, s -> "pay-confirm".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS,
                    "the bill read out for confirmation");
            assertEquals("88.50", confirm.vars().get("billAmount"), path(confirm));
            caller.go();
            // The paying account's card PIN, verified in this call before the payment (issue 14 item 8).
            keysAt(caller, call, "pay-pin");
            awaitState(call, s -> s.vars().containsKey("reference") && "menu".equals(s.node())
                    && s.waiting() == IvrState.Waiting.DIGITS, "the bill paid");
            caller.go(); // 2: repair
            IvrState repaired = awaitState(call, s -> s.vars().containsKey("ticketNumber") && "menu".equals(s.node())
                    && s.waiting() == IvrState.Waiting.DIGITS, "the repair ticket read back");
            caller.go(); // 3: ticket status
            keysAt(caller, call, "ticket");
            IvrState told = awaitState(call, s -> s.vars().containsKey("status") && "menu".equals(s.node())
                    && s.waiting() == IvrState.Waiting.DIGITS, "the ticket's status told");
            assertEquals("RESOLVED", told.vars().get("status"));
            assertTrue(path(told).contains("say-status=") && path(told).contains("resolved"), path(told));
            caller.go(); // 9
            assertEquals(0, caller.sipp().await(30), "Kefu said goodbye and hung up: " + caller.sipp().report());

            assertEquals("PAID " + bank, string(ledger, "SELECT status || ' ' || paid_from FROM utility_bill WHERE bill_number = ?", bill));
            assertEquals(0, new BigDecimal("411.50").compareTo(new BigDecimal(
                    string(ledger, "SELECT balance FROM ledger_account WHERE account_number = ?", bank))), "500.00 - 88.50");
            String ticket = repaired.vars().get("ticketNumber");
            assertTrue(ticket.matches("[0-9]{8}"), "an 8-digit ticket number: " + ticket);
            long number = Long.parseLong(ticket);
            assertEquals("REPAIR", string(kefu, "SELECT category FROM ticket WHERE id = ?", number));
            assertEquals("NEW", string(kefu, "SELECT status FROM ticket WHERE id = ?", number));
            assertEquals("IVR", string(kefu, "SELECT channel FROM ticket WHERE id = ?", number));
            assertEquals(String.valueOf(customer), string(kefu, "SELECT customer_id FROM ticket WHERE id = ?", number));
            assertEquals(ani, string(kefu, "SELECT caller_phone FROM ticket WHERE id = ?", number));
            // The number read back is the ticket's: the play after the repair spoke that variable.
            assertTrue(path(repaired).contains("repair=ok say-ticket"), path(repaired));
        } finally {
            caller.sipp().kill();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void hotlineOutOfHoursRecordsTheCallersMessageWithTheirNumber() throws Exception {
        String ani = newAni();
        // A hotline version that is "out of hours" whenever the queue says open: the voicemail path, for real.
        String json;
        try (InputStream in = IvrCalls.class.getResourceAsStream("/org/kefu/ivr/flows/hotline-12345.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String closed = json.replace("\"equals\": \"false\"", "\"equals\": \"true\"");
        assertTrue(!closed.equals(json), "the open check was found");
        HttpResponse<String> stored = admin("POST", "api/ivr/flows", closed);
        assertEquals(201, stored.statusCode(), stored.body());
        Matcher v = Pattern.compile("\"version\":(\\d+)").matcher(stored.body());
        assertTrue(v.find(), stored.body());
        assertEquals(204, admin("POST", "api/ivr/flows/hotline-12345/versions/" + v.group(1) + "/activate", null).statusCode());
        DtmfCaller caller = DtmfCaller.call("12345", ani, List.of("#"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            awaitState(call, s -> "closed".equals(s.node()) && s.waiting() == IvrState.Waiting.RECORDING, "recording");
            Thread.sleep(1500); // a moment of message
            caller.go(); // # ends the message
            assertEquals(0, caller.sipp().await(30), "Kefu thanked and hung up: " + caller.sipp().report());

            String ref = string(kefu, "SELECT recording_ref FROM voicemail WHERE caller_phone = ? AND queue_code = 'hotline'", ani);
            assertNotNull(ref, "a voicemail row for " + ani);
            assertFalse(ref.contains(ani), "the file name is made of generated ids, not the caller's number: " + ref);
            assertEquals("NEW", string(kefu, "SELECT status FROM voicemail WHERE caller_phone = ?", ani));
            Path file = Path.of(System.getProperty("jboss.server.data.dir"), "kefu", "recordings", ref);
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 44, "the recording is on disk: " + file);
        } finally {
            caller.sipp().kill();
            assertEquals(204, admin("POST", "api/ivr/flows/hotline-12345/versions/1/activate", null).statusCode());
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void bankingBalanceThenATransferToTheRegisteredPayee() throws Exception {
        String account = newBankAccount(new BigDecimal("1000.00"));
        String payee = newBankAccount(BigDecimal.ZERO);
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO payee (owner_account, payee_account, payee_name) VALUES (?, ?, 'IVR IT')", account, payee);
        }
        String ani = newAni();
        DtmfCaller caller = DtmfCaller.call("95500", ani, List.of("1", account + "#", "888888", "1", "2", "100*5#", "1"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            keysAt(caller, call, "lang");
            keysAt(caller, call, "account");
            keysAt(caller, call, "pin");
            keysAt(caller, call, "main");
            IvrState told = awaitState(call, s -> s.vars().containsKey("balance") && "main".equals(s.node())
                    && s.waiting() == IvrState.Waiting.DIGITS, "the balance read");
            assertEquals("1000.00", told.vars().get("balance"));
            caller.go(); // 2: transfer
            keysAt(caller, call, "amount");
            IvrState confirm = awaitState(call, s -> "transfer-confirm".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS,
                    "the transfer read back");
            assertEquals("100.5", confirm.vars().get("amount"), path(confirm));
            caller.go();
            awaitState(call, s -> s.vars().containsKey("reference") && "main".equals(s.node()), "the transfer done");
            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearCall(call);
            }
            assertEquals(0, caller.sipp().await(30), caller.sipp().report());

            assertEquals(0, new BigDecimal("899.50").compareTo(new BigDecimal(
                    string(ledger, "SELECT balance FROM ledger_account WHERE account_number = ?", account))));
            assertEquals(0, new BigDecimal("100.50").compareTo(new BigDecimal(
                    string(ledger, "SELECT balance FROM ledger_account WHERE account_number = ?", payee))));
            assertEquals(1, count(kefu, "SELECT COUNT(*) FROM operation_journal WHERE account_number = ?", account));
        } finally {
            caller.sipp().kill();
        }
    }

    // --- helpers ---

    /** Waits until the flow asks at {@code node}, then lets sipp key the next group. */
    private void keysAt(DtmfCaller caller, CallId call, String node) throws Exception {
        awaitState(call, s -> node.equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the flow asks at " + node);
        caller.go();
    }

    /** A 16-digit bank account with its card (PIN 888888) and an opening balance. */
    private String newBankAccount(BigDecimal opening) throws Exception {
        String number = "62229" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance, per_transfer_limit, daily_limit)"
                    + " VALUES (?, 'IVR IT', 'CUSTOMER', 0, 5000, 20000)", number);
            update(c, "INSERT INTO bank_card (card_number, account_number, status, pin_hash, pin_salt, pin_iterations)"
                    + " VALUES (?, ?, 'ACTIVE', ?, ?, 120000)", number, number, PIN_HASH, PIN_SALT);
            if (opening.signum() > 0) {
                open(c, number, opening);
            }
        }
        return number;
    }

    /** An opening balance posted against INT-OPENING, so that all balances still sum to zero. */
    private static void open(Connection c, String account, BigDecimal amount) throws Exception {
        String ref = "OPENING-IT-" + account;
        update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at)"
                + " VALUES (?, ?, ?, 'OPENING', 'IVR IT', CURRENT_TIMESTAMP)", ref, account, amount);
        update(c, "INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at)"
                + " VALUES (?, 'INT-OPENING', ?, 'OPENING', 'IVR IT', CURRENT_TIMESTAMP)", ref, amount.negate());
        update(c, "UPDATE ledger_account SET balance = balance + ? WHERE account_number = ?", amount, account);
        update(c, "UPDATE ledger_account SET balance = balance - ? WHERE account_number = 'INT-OPENING'", amount);
    }

    private static String newAni() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private CallId awaitCallInFlow(String ani, DtmfCaller caller) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            String ref = string(kefu, "SELECT call_ref FROM call_record WHERE ani = ?", ani);
            if (ref != null && ivr.inFlow(new CallId(ref))) {
                return new CallId(ref);
            }
            Thread.sleep(100);
        }
        fail("no call from " + ani + " in an IVR flow: " + caller.sipp().report());
        return null;
    }

    private IvrState awaitState(CallId call, Predicate<IvrState> test, String what) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        IvrState last = null;
        while (System.currentTimeMillis() < until) {
            last = ivr.stateOf(call).orElse(null);
            if (last != null && test.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        fail(what + ": " + (last == null ? "no flow any more" : "at " + last.node() + " " + last.waiting() + ", " + path(last)));
        return null;
    }

    private static String path(IvrState s) {
        return s.path().stream().map(PathEntry::toString).collect(Collectors.joining(" "));
    }

    /** The REST API as the demo admin; the server's HTTP port is 8080 plus its port offset. */
    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        String port = System.getProperty("kefu.http.port",
                String.valueOf(8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kefu/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("1006:kefu2026".getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(DataSource ds, String sql, Object arg) throws Exception {
        String v = string(ds, sql, arg);
        return v == null ? -1 : Integer.parseInt(v);
    }

    private static String string(DataSource ds, String sql, Object arg) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows.isEmpty() ? null : rows.get(rows.size() - 1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
