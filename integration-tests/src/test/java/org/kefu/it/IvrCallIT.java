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
import org.kefu.callflow.CallEventRouter;
import org.kefu.ivr.IvrState;
import org.kefu.ivr.PathEntry;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real call on 95500 (sipp on the trunk) runs the stored banking flow: Kefu answers, IvrCalls
 * starts the active flow version, and the caller's keys are injected as the switch would report
 * them (a 16-digit account and a PIN are impractical as sipp's one-pcap-per-key RFC 2833 replays),
 * through the same entry point as the adapter's events (CallEventRouter.route). The banking
 * operations are the real BankingService on the ledger.
 */
@ExtendWith(ArquillianExtension.class)
class IvrCallIT {

    /** PIN 888888 (as BankingFixtures' cards). */
    private static final String PIN_SALT = "qdKn7mJZhyPwHVP4NYwexA==";
    private static final String PIN_HASH = "l5He1dyOThwStm5pmuI7/AtVg/BOYJePzXXHgUpSSyM=";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "ivr-probe.war")
                .addClasses(IvrCallIT.class, Sipp.class, SipBed.class, SipBed.Step.class)
                .addPackages(true, "org.awaitility", "org.hamcrest")
                .addAsResource("sipp/caller-talks.xml")
                .setManifest(new StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear, deployment.kefu.ear.kefu-ejb.jar\n"));
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/IvrCalls!org.kefu.ivr.calls.IvrCalls")
    private IvrCalls ivr;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallEventRouter!org.kefu.callflow.CallEventRouter")
    private CallEventRouter router;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Test
    @OperateOnDeployment("probe")
    void threeWrongPinsOnTheBankingFlowLockTheCard() throws Exception {
        String account = newCard();
        String ani = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Sipp caller = Sipp.start("caller-talks.xml", Map.of("service", "95500", "caller", ani, "talk", "30000"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            chooseChinese(call);
            awaitState(call, s -> "account".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "asks for the account");
            keys(call, account, CallEvent.DigitsEnd.TERMINATOR);
            for (int attempt = 1; attempt <= 3; attempt++) {
                awaitState(call, s -> "pin".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "asks for the PIN");
                int verified = attempt;
                keys(call, "000000", CallEvent.DigitsEnd.MAX_DIGITS);
                if (attempt < 3) {
                    IvrState s = awaitState(call, st -> st.visits().getOrDefault("verify", 0) == verified
                            && !"verify".equals(st.node()), "PIN checked");
                    assertTrue(path(s).endsWith("verify=error:WRONG_PIN pin-failures=otherwise")
                            || path(s).contains("verify=error:WRONG_PIN"), path(s));
                    if ("wrong-pin".equals(s.node())) {
                        prompt(call); // "wrong PIN" played (unless the switch said so already)
                    }
                }
            }
            // The third failure locks: "account locked", goodbye, and Kefu hangs up.
            awaitTrue(() -> !ivr.inFlow(call) || ivr.stateOf(call).map(s -> "locked".equals(s.node())
                    || "bye".equals(s.node())).orElse(true), "the flow reaches the lock");
            assertEquals(3, intValue(ledger, "SELECT pin_failures FROM bank_card WHERE card_number = ?", account));
            assertEquals(0, intValue(ledger, "SELECT COUNT(*) FROM posting WHERE account_number = ?", account),
                    "no money moved");
        } finally {
            caller.kill();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void theRightPinThenABalanceQueryWritesNothing() throws Exception {
        String account = newCard();
        String ani = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Sipp caller = Sipp.start("caller-talks.xml", Map.of("service", "95500", "caller", ani, "talk", "30000"));
        try {
            CallId call = awaitCallInFlow(ani, caller);
            chooseChinese(call);
            awaitState(call, s -> "account".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "asks for the account");
            keys(call, account, CallEvent.DigitsEnd.TERMINATOR);
            awaitState(call, s -> "pin".equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "asks for the PIN");
            keys(call, "888888", CallEvent.DigitsEnd.MAX_DIGITS);
            IvrState main = awaitState(call, s -> "main".equals(s.node()), "the main menu after the right PIN");
            assertTrue(path(main).contains("pin=***"), path(main));
            assertFalse(path(main).contains("888888"), "the PIN is in no path: " + path(main));
            int journal = intValue(kefu, "SELECT COUNT(*) FROM operation_journal", null);
            keys(call, "1", CallEvent.DigitsEnd.MAX_DIGITS);
            IvrState told = awaitState(call, s -> s.vars().containsKey("balance"), "the balance read");
            assertEquals("0.00", told.vars().get("balance"), path(told));
            assertEquals(0, intValue(ledger, "SELECT pin_failures FROM bank_card WHERE card_number = ?", account));
            assertEquals(journal, intValue(kefu, "SELECT COUNT(*) FROM operation_journal", null), "a balance query journals nothing");
            assertEquals(0, intValue(ledger, "SELECT COUNT(*) FROM posting WHERE account_number = ?", account));

            try (SwitchConnection sw = switchFactory.getConnection()) {
                sw.clearCall(call);
            }
            awaitTrue(() -> !ivr.inFlow(call), "the flow (and its vault) is forgotten when the call ends");
        } finally {
            caller.kill();
        }
    }

    // --- helpers ---

    /** Key 1 at the language menu (unless its 8 s passed: Chinese is also its default). */
    private void chooseChinese(CallId call) throws Exception {
        IvrState s = awaitState(call, st -> "lang".equals(st.node()) || "account".equals(st.node()), "the language menu");
        if ("lang".equals(s.node())) {
            keys(call, "1", CallEvent.DigitsEnd.MAX_DIGITS);
        }
    }

    /** A 16-digit account (keyable) with its card, PIN 888888, balance 0. */
    private String newCard() throws Exception {
        String number = "62229" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
        try (Connection c = ledger.getConnection()) {
            update(c, "INSERT INTO ledger_account (account_number, holder_name, kind, balance, per_transfer_limit, daily_limit)"
                    + " VALUES (?, 'IVR IT', 'CUSTOMER', 0, 5000, 20000)", number);
            update(c, "INSERT INTO bank_card (card_number, account_number, status, pin_hash, pin_salt, pin_iterations)"
                    + " VALUES (?, ?, 'ACTIVE', ?, ?, 120000)", number, number, PIN_HASH, PIN_SALT);
        }
        return number;
    }

    private CallId awaitCallInFlow(String ani, Sipp caller) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            String ref = string(kefu, "SELECT call_ref FROM call_record WHERE ani = ?", ani);
            if (ref != null && ivr.inFlow(new CallId(ref))) {
                return new CallId(ref);
            }
            Thread.sleep(100);
        }
        fail("no call from " + ani + " in an IVR flow: " + caller.report());
        return null;
    }

    private IvrState awaitState(CallId call, Predicate<IvrState> test, String what) throws Exception {
        long until = System.currentTimeMillis() + 15_000;
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

    private void keys(CallId call, String digits, CallEvent.DigitsEnd end) {
        router.route(new CallEvent.DigitsReceived(call, Instant.now(), caller(call), digits, end, true));
    }

    private void prompt(CallId call) {
        router.route(new CallEvent.PromptFinished(call, Instant.now(), caller(call), CallEvent.PromptEnd.COMPLETED));
    }

    private static ConnectionId caller(CallId call) {
        return new ConnectionId(call, new DeviceId("95500"));
    }

    private static String path(IvrState s) {
        return s.path().stream().map(PathEntry::toString).collect(Collectors.joining(" "));
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition, String what) {
        SipBed.await(what, java.time.Duration.ofSeconds(15), condition);
    }

    private static int intValue(DataSource ds, String sql, String arg) throws Exception {
        String v = string(ds, sql, arg);
        return v == null ? -1 : Integer.parseInt(v);
    }

    private static String string(DataSource ds, String sql, String arg) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                String v = null;
                while (rs.next()) {
                    v = rs.getString(1); // the newest row wins for call_record (one per ani here)
                }
                return v;
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
