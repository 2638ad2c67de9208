package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BackOfficeBanking;
import org.kefu.banking.BankingError;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.banking.CallerVerifications;
import org.kefu.banking.OperationContext;
import org.kefu.banking.PinVerifier;
import org.kefu.banking.Receipt;
import org.kefu.banking.StatementLine;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone banking inside the server, against the deployed EAR (issue 6, R-4.1, R-4.5): a transfer
 * moves money in the ledger, journals it in Kefu's database and tells the back office exactly
 * once, all in one XA transaction; a retry with the same idempotency key moves nothing; every
 * refused request leaves the ledger, the journal, the cards, the bills and the back-office queue
 * exactly as they were; after each test the ledger's invariants hold (balances are sums of
 * postings, movements balance, total unchanged).
 */
@ExtendWith(ArquillianExtension.class)
class BankingIT {

    private static final String SERVICE = "java:global/kefu/kefu-ejb/BankingServiceBean!org.kefu.banking.BankingService";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return Deployments.bankingProbe("banking-probe.war", BankingIT.class);
    }

    @EJB(lookup = SERVICE)
    private BankingService banking;

    @EJB(lookup = "java:global/kefu/kefu-ejb/PinVerifier!org.kefu.banking.PinVerifier")
    private PinVerifier pins;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue backOfficeOut;

    private BankingFixtures fixtures() {
        return new BankingFixtures(ledger, kefu);
    }

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallerVerifications!org.kefu.banking.CallerVerifications")
    private CallerVerifications verifications;

    private static OperationContext ivr() {
        return OperationContext.ivr("call-" + UUID.randomUUID(), "key-" + UUID.randomUUID());
    }

    /**
     * A call in which {@code account} counts as verified (issue 14 item 8), for the tests of the
     * business checks behind it; the PIN itself is proved by the verified-caller tests.
     */
    private OperationContext ivr(String account) {
        OperationContext ctx = ivr();
        verifications.verified(ctx.callId(), account);
        return ctx;
    }

    @Test
    @OperateOnDeployment("probe")
    void theDemoCenterHasItsDocumentedBalancesAndPins() throws Exception {
        AccountBalance zhang = banking.balance("6222020000000001");
        assertEquals(new BigDecimal("10000.00"), zhang.balance());
        assertEquals(new BigDecimal("10000.00"), zhang.available());
        assertEquals(new BigDecimal("2000.00"), banking.balance("6222020000000002").balance());
        OperationContext call = ivr();
        banking.verifyPin(call, "6222020000000001", "123456".toCharArray());
        banking.verifyPin(ivr(), "6222020000000002", "654321".toCharArray());
        assertEquals("6222020000000002", banking.payees(call, "6222020000000001").get(0).accountNumber());
        assertEquals(new BigDecimal("128.50"), banking.unpaidBills("U100001").get(0).amount());
        fixtures().assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aTransferMovesMoneyInBothDatabasesAndTellsTheBackOfficeOnce() throws Exception {
        BankingFixtures f = fixtures();
        String payer = f.customer("1000.00", "500.00", "800.00");
        String payee = f.customer("10.00", "500.00", "800.00");
        f.payee(payer, payee);
        OperationContext ctx = OperationContext.agent("call-" + UUID.randomUUID(), "1001", "key-" + UUID.randomUUID());
        // The caller proves the PIN in this call first (issue 14 item 8).
        banking.verifyPin(ctx, payer, BankingFixtures.PIN.toCharArray());

        Receipt receipt = banking.transfer(ctx, payer, payee, new BigDecimal("123.45"));

        assertFalse(receipt.replayed());
        assertEquals(new BigDecimal("876.55"), f.balance(payer));
        assertEquals(new BigDecimal("133.45"), f.balance(payee));
        assertEquals(2, f.ledgerCount("SELECT COUNT(*) FROM posting WHERE movement_ref = ?", receipt.reference()));
        assertEquals(1, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE reference = ? AND idempotency_key = ? "
                + "AND channel = 'AGENT' AND agent_job_number = '1001' AND call_ref = ? AND status = 'COMPLETED' AND amount = 123.45",
                receipt.reference(), ctx.idempotencyKey(), ctx.callId()));
        // Issue 14 item 10: the payee's account is journaled masked, never in full.
        assertEquals(payee.substring(0, 4) + "********" + payee.substring(payee.length() - 4),
                f.kefuString("SELECT counterparty FROM operation_journal WHERE reference = ?", receipt.reference()));
        List<Message> messages = BankingFixtures.drain(jms, backOfficeOut, receipt.reference());
        assertEquals(1, messages.size(), "exactly one back-office message");
        String body = messages.get(0).getBody(String.class);
        assertTrue(body.contains("\"type\":\"transfer.completed\""), body);
        assertTrue(body.contains("\"amount\":\"123.45\""), body);
        assertEquals("transfer.completed", messages.get(0).getStringProperty("kefu_type"));

        List<StatementLine> statement = banking.miniStatement(payer, 5);
        assertEquals(new BigDecimal("-123.45"), statement.get(0).amount());
        assertEquals(new BigDecimal("876.55"), statement.get(0).balanceAfter());
        assertEquals(new BigDecimal("1000.00"), statement.get(1).balanceAfter());
        f.assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aRetriedRequestMovesNothingTwice() throws Exception {
        BankingFixtures f = fixtures();
        String payer = f.customer("1000.00", "500.00", "800.00");
        String payee = f.customer("0.00", "500.00", "800.00");
        f.payee(payer, payee);
        OperationContext ctx = ivr(payer);

        Receipt first = banking.transfer(ctx, payer, payee, new BigDecimal("100.00"));
        // The SIP retransmission / double click / redelivered message: same key, same request.
        Receipt again = banking.transfer(ctx, payer, payee, new BigDecimal("100"));

        assertTrue(again.replayed());
        assertEquals(first.reference(), again.reference());
        assertEquals(new BigDecimal("900.00"), f.balance(payer));
        assertEquals(new BigDecimal("100.00"), f.balance(payee));
        assertEquals(1, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE idempotency_key = ?", ctx.idempotencyKey()));
        assertEquals(1, BankingFixtures.drain(jms, backOfficeOut, first.reference()).size(), "one message only");

        // The same key for a different request is refused, not replayed.
        BankingException reused = assertThrows(BankingException.class,
                () -> banking.transfer(ctx, payer, payee, new BigDecimal("5.00")));
        assertEquals(BankingError.DUPLICATE_REQUEST, reused.getError());
        assertEquals(new BigDecimal("900.00"), f.balance(payer));
        f.assertInvariants();
    }

    /**
     * Issue 14 item 8: an operation reached from a call (channel IVR or AGENT) is refused with
     * NOT_VERIFIED unless the account's PIN was verified in that very call: not in another call,
     * not for another account, not after the call ended. Each refusal writes nothing but its
     * audit row; once the PIN is verified in the call, the same request goes through.
     */
    @Test
    @OperateOnDeployment("probe")
    void aCallersMoneyOperationNeedsTheAccountsPinVerifiedInThatCall() throws Exception {
        BankingFixtures f = fixtures();
        String payer = f.customer("1000.00", "500.00", "800.00");
        String other = f.customer("1000.00", "500.00", "800.00");
        String payee = f.customer("0.00", "500.00", "800.00");
        f.payee(payer, payee);
        f.payee(other, payee);
        String biller = f.internal();
        String bill = f.bill(biller, "30.00");
        OperationContext call = ivr();
        OperationContext otherCall = ivr();
        banking.verifyPin(otherCall, payer, BankingFixtures.PIN.toCharArray()); // proves payer in another call only
        banking.verifyPin(call, other, BankingFixtures.PIN.toCharArray()); // proves another account in this call
        OperationContext agentCall = OperationContext.agent("call-" + UUID.randomUUID(), "1001", "key-" + UUID.randomUUID());
        long auditBefore = f.kefuCount("SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_NOT_VERIFIED'");

        Map<String, Executable> cases = new LinkedHashMap<>();
        cases.put("transfer", () -> banking.transfer(call, payer, payee, new BigDecimal("1.00")));
        cases.put("bill payment", () -> banking.payBill(call, payer, bill));
        cases.put("card loss", () -> banking.reportCardLoss(call, payer));
        cases.put("balance", () -> banking.balance(call, payer));
        cases.put("statement", () -> banking.miniStatement(call, payer, 5));
        cases.put("payees", () -> banking.payees(call, payer));
        cases.put("agent's transfer", () -> banking.transfer(agentCall, payer, payee, new BigDecimal("1.00")));
        cases.put("no call at all", () -> banking.transfer(OperationContext.ivr(null, "key-" + UUID.randomUUID()), payer, payee,
                new BigDecimal("1.00")));
        String before = f.snapshot(jms, backOfficeOut);
        for (Map.Entry<String, Executable> c : cases.entrySet()) {
            BankingException e = assertThrows(BankingException.class, c.getValue(), c.getKey());
            assertEquals(BankingError.NOT_VERIFIED, e.getError(), c.getKey() + ": " + e.getMessage());
            assertEquals(before, f.snapshot(jms, backOfficeOut), c.getKey() + " wrote something");
        }
        assertEquals(auditBefore + cases.size(), f.kefuCount("SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_NOT_VERIFIED'"),
                "every refusal is audited");

        banking.verifyPin(call, payer, BankingFixtures.PIN.toCharArray());
        Receipt receipt = banking.transfer(call, payer, payee, new BigDecimal("1.00"));
        assertFalse(receipt.replayed());
        assertEquals(new BigDecimal("999.00"), f.balance(payer));
        assertEquals(new BigDecimal("999.00"), banking.balance(call, payer).balance());

        // The call ends: its verifications end with it.
        verifications.callEnded(call.callId());
        BankingException after = assertThrows(BankingException.class,
                () -> banking.transfer(OperationContext.ivr(call.callId(), "key-" + UUID.randomUUID()), payer, payee, new BigDecimal("1.00")));
        assertEquals(BankingError.NOT_VERIFIED, after.getError());
        assertEquals(new BigDecimal("999.00"), f.balance(payer));
        f.assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void everyRefusedRequestHasItsCodeAndWritesNothing() throws Exception {
        BankingFixtures f = fixtures();
        String payer = f.customer("1000.00", "500.00", "800.00");
        String payee = f.customer("0.00", "500.00", "800.00");
        String stranger = f.customer("0.00", "500.00", "800.00");
        String poor = f.customer("20.00", "500.00", "800.00");
        String blocked = f.customer("1000.00", "500.00", "800.00");
        String frozen = f.customer("1000.00", "500.00", "800.00");
        String frozenPayee = f.customer("0.00", "500.00", "800.00");
        String spentToday = f.customer("1000.00", "500.00", "800.00");
        for (String owner : List.of(payer, poor, blocked, frozen, spentToday)) {
            f.payee(owner, payee);
        }
        f.payee(payer, frozenPayee);
        f.blockCard(blocked);
        f.freeze(frozen);
        f.freeze(frozenPayee);
        String biller = f.internal();
        String bill = f.bill(biller, "30.00");
        String paidBill = f.bill(biller, "10.00");
        banking.payBill(ivr(payer), payer, paidBill);
        // 450 + 10 spent today already: 400 more would pass the per-transfer limit, not the daily one.
        banking.transfer(ivr(spentToday), spentToday, payee, new BigDecimal("450.00"));
        banking.payBill(ivr(spentToday), spentToday, f.bill(biller, "10.00"));

        Map<String, Executable> cases = new LinkedHashMap<>();
        Map<String, BankingError> expected = new LinkedHashMap<>();
        cases.put("unknown source", () -> banking.transfer(ivr("6222029999999999"), "6222029999999999", payee, new BigDecimal("1.00")));
        expected.put("unknown source", BankingError.UNKNOWN_ACCOUNT);
        cases.put("internal source", () -> banking.transfer(ivr("INT-OPENING"), "INT-OPENING", payee, new BigDecimal("1.00")));
        expected.put("internal source", BankingError.UNKNOWN_ACCOUNT);
        cases.put("null source", () -> banking.transfer(ivr(null), null, payee, new BigDecimal("1.00")));
        expected.put("null source", BankingError.NOT_VERIFIED); // no call can have verified no account
        cases.put("unknown payee account", () -> banking.transfer(ivr(payer), payer, "6222029999999998", new BigDecimal("1.00")));
        expected.put("unknown payee account", BankingError.UNKNOWN_ACCOUNT);
        cases.put("unregistered payee", () -> banking.transfer(ivr(payer), payer, stranger, new BigDecimal("1.00")));
        expected.put("unregistered payee", BankingError.UNKNOWN_PAYEE);
        cases.put("to itself", () -> banking.transfer(ivr(payer), payer, payer, new BigDecimal("1.00")));
        expected.put("to itself", BankingError.UNKNOWN_PAYEE);
        cases.put("insufficient funds", () -> banking.transfer(ivr(poor), poor, payee, new BigDecimal("20.01")));
        expected.put("insufficient funds", BankingError.INSUFFICIENT_FUNDS);
        cases.put("over the per-transfer limit", () -> banking.transfer(ivr(payer), payer, payee, new BigDecimal("500.01")));
        expected.put("over the per-transfer limit", BankingError.OVER_LIMIT);
        cases.put("over the daily limit", () -> banking.transfer(ivr(spentToday), spentToday, payee, new BigDecimal("400.00")));
        expected.put("over the daily limit", BankingError.OVER_LIMIT);
        cases.put("blocked card", () -> banking.transfer(ivr(blocked), blocked, payee, new BigDecimal("1.00")));
        expected.put("blocked card", BankingError.CARD_BLOCKED);
        cases.put("frozen account", () -> banking.transfer(ivr(frozen), frozen, payee, new BigDecimal("1.00")));
        expected.put("frozen account", BankingError.ACCOUNT_FROZEN);
        cases.put("frozen payee", () -> banking.transfer(ivr(payer), payer, frozenPayee, new BigDecimal("1.00")));
        expected.put("frozen payee", BankingError.ACCOUNT_FROZEN);
        cases.put("negative amount", () -> banking.transfer(ivr(payer), payer, payee, new BigDecimal("-1.00")));
        expected.put("negative amount", BankingError.INVALID_AMOUNT);
        cases.put("zero amount", () -> banking.transfer(ivr(payer), payer, payee, BigDecimal.ZERO));
        expected.put("zero amount", BankingError.INVALID_AMOUNT);
        cases.put("fraction of a fen", () -> banking.transfer(ivr(payer), payer, payee, new BigDecimal("1.005")));
        expected.put("fraction of a fen", BankingError.INVALID_AMOUNT);
        cases.put("absurd amount", () -> banking.transfer(ivr(payer), payer, payee, new BigDecimal("1e15")));
        expected.put("absurd amount", BankingError.INVALID_AMOUNT);
        cases.put("no amount", () -> banking.transfer(ivr(payer), payer, payee, null));
        expected.put("no amount", BankingError.INVALID_AMOUNT);
        cases.put("no idempotency key", () -> banking.transfer(OperationContext.ivr("c", " "), payer, payee, new BigDecimal("1.00")));
        expected.put("no idempotency key", BankingError.INVALID_REQUEST);
        cases.put("unknown bill", () -> banking.payBill(ivr(payer), payer, "B-NO-SUCH-BILL"));
        expected.put("unknown bill", BankingError.UNKNOWN_BILL);
        cases.put("bill already paid", () -> banking.payBill(ivr(payer), payer, paidBill));
        expected.put("bill already paid", BankingError.BILL_ALREADY_PAID);
        cases.put("bill, insufficient funds", () -> banking.payBill(ivr(poor), poor, bill));
        expected.put("bill, insufficient funds", BankingError.INSUFFICIENT_FUNDS);
        cases.put("bill, blocked card", () -> banking.payBill(ivr(blocked), blocked, bill));
        expected.put("bill, blocked card", BankingError.CARD_BLOCKED);
        cases.put("card loss, unknown account", () -> banking.reportCardLoss(ivr("6222029999999999"), "6222029999999999"));
        expected.put("card loss, unknown account", BankingError.UNKNOWN_ACCOUNT);
        cases.put("balance, unknown account", () -> banking.balance("6222029999999999"));
        expected.put("balance, unknown account", BankingError.UNKNOWN_ACCOUNT);
        cases.put("statement, too long", () -> banking.miniStatement(payer, 500));
        expected.put("statement, too long", BankingError.INVALID_REQUEST);
        cases.put("PIN, not six digits", () -> banking.verifyPin(ivr(), payer, "12".toCharArray()));
        expected.put("PIN, not six digits", BankingError.INVALID_REQUEST);
        cases.put("PIN, unknown account", () -> banking.verifyPin(ivr(), "6222029999999999", "123456".toCharArray()));
        expected.put("PIN, unknown account", BankingError.UNKNOWN_ACCOUNT);
        cases.put("PIN, blocked card", () -> banking.verifyPin(ivr(), blocked, BankingFixtures.PIN.toCharArray()));
        expected.put("PIN, blocked card", BankingError.CARD_BLOCKED);

        String before = f.snapshot(jms, backOfficeOut);
        for (Map.Entry<String, Executable> c : cases.entrySet()) {
            BankingException e = assertThrows(BankingException.class, c.getValue(), c.getKey());
            assertEquals(expected.get(c.getKey()), e.getError(), c.getKey() + ": " + e.getMessage());
            assertEquals(before, f.snapshot(jms, backOfficeOut), c.getKey() + " wrote something");
        }
        f.assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aBillIsPaidIntoTheUtilitysReceivableAndMarkedPaid() throws Exception {
        BankingFixtures f = fixtures();
        String payer = f.customer("200.00", "500.00", "800.00");
        String biller = f.internal();
        String bill = f.bill(biller, "128.50");
        OperationContext ctx = ivr(payer);

        Receipt receipt = banking.payBill(ctx, payer, bill);
        Receipt retry = banking.payBill(ctx, payer, bill);

        assertTrue(retry.replayed());
        assertEquals(new BigDecimal("128.50"), receipt.amount());
        assertEquals(new BigDecimal("71.50"), f.balance(payer));
        assertEquals(new BigDecimal("128.50"), f.balance(biller));
        assertEquals("PAID", f.ledgerString("SELECT status FROM utility_bill WHERE bill_number = ?", bill));
        assertEquals(receipt.reference(), f.ledgerString("SELECT payment_ref FROM utility_bill WHERE bill_number = ?", bill));
        assertEquals(1, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE reference = ? AND operation = 'BILL_PAYMENT'", receipt.reference()));
        assertEquals(1, BankingFixtures.drain(jms, backOfficeOut, receipt.reference()).size());
        f.assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aLostCardIsBlockedJournaledAndReported() throws Exception {
        BankingFixtures f = fixtures();
        String owner = f.customer("100.00", "500.00", "800.00");
        String payee = f.customer("0.00", "500.00", "800.00");
        f.payee(owner, payee);

        Receipt receipt = banking.reportCardLoss(ivr(owner), owner);

        assertEquals("BLOCKED", f.ledgerString("SELECT status FROM bank_card WHERE account_number = ?", owner));
        assertEquals(1, f.kefuCount("SELECT COUNT(*) FROM operation_journal WHERE reference = ? AND operation = 'CARD_LOSS'", receipt.reference()));
        assertEquals(owner.substring(0, 4) + "********" + owner.substring(owner.length() - 4),
                f.kefuString("SELECT counterparty FROM operation_journal WHERE reference = ?", receipt.reference()),
                "the lost card's number is journaled masked");
        List<Message> messages = BankingFixtures.drain(jms, backOfficeOut, receipt.reference());
        assertEquals(1, messages.size());
        String body = messages.get(0).getBody(String.class);
        assertTrue(body.contains("\"type\":\"card.blocked\""), body);
        assertTrue(body.contains("\"card\":\"" + owner.substring(0, 4) + "********" + owner.substring(12) + "\""),
                "the card number is masked: " + body);
        BankingException e = assertThrows(BankingException.class,
                () -> banking.transfer(ivr(owner), owner, payee, new BigDecimal("1.00")));
        assertEquals(BankingError.CARD_BLOCKED, e.getError());
    }

    @Test
    @OperateOnDeployment("probe")
    void threeWrongPinsLockTheCardEvenForTheRightPin() throws Exception {
        BankingFixtures f = fixtures();
        String owner = f.customer("100.00", "500.00", "800.00");

        banking.verifyPin(ivr(), owner, BankingFixtures.PIN.toCharArray());
        assertEquals(BankingError.WRONG_PIN, pinError(owner, "000000"));
        assertEquals(BankingError.WRONG_PIN, pinError(owner, "111111"));
        // Counted although each refusal rolled back the caller's transaction.
        assertEquals("2", f.ledgerString("SELECT pin_failures FROM bank_card WHERE account_number = ?", owner));
        assertEquals(BankingError.PIN_LOCKED, pinError(owner, "222222"));
        assertEquals(BankingError.PIN_LOCKED, pinError(owner, BankingFixtures.PIN));
        assertEquals("3", f.ledgerString("SELECT pin_failures FROM bank_card WHERE account_number = ?", owner));

        pins.reset(owner); // the back office's unlock
        banking.verifyPin(ivr(), owner, BankingFixtures.PIN.toCharArray());
        assertEquals("0", f.ledgerString("SELECT pin_failures FROM bank_card WHERE account_number = ?", owner));
    }

    @Test
    @OperateOnDeployment("probe")
    void theBackOfficeViewIsClosedToCallersWithoutTheRole() throws Exception {
        BackOfficeBanking remote = (BackOfficeBanking) new InitialContext()
                .lookup("java:global/kefu/kefu-ejb/BackOfficeBankingBean!org.kefu.banking.BackOfficeBanking");
        assertThrows(EJBAccessException.class, () -> remote.balance("6222020000000001"));
    }

    private BankingError pinError(String account, String pin) {
        return assertThrows(BankingException.class, () -> banking.verifyPin(ivr(), account, pin.toCharArray())).getError();
    }
}
