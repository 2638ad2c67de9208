package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.kefu.banking.CallerVerifications;
import org.kefu.banking.OperationContext;
import org.kefu.securities.BadBranchAnswer;
import org.kefu.securities.Holdings;
import org.kefu.securities.OrderSettlement;
import org.kefu.securities.OrderReceipt;
import org.kefu.securities.OrderView;
import org.kefu.securities.PositionView;
import org.kefu.securities.Quote;
import org.kefu.securities.SecuritiesError;
import org.kefu.securities.SecuritiesException;
import org.kefu.securities.SecuritiesService;
import org.kefu.securities.Side;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Securities by phone inside the server (issue 6 (d), R-4.3, R-4.4): orders freeze cash or
 * shares and reach the customer's branch by its protocol (JMS for GZ01–GZ03, the order table for
 * GZ04–GZ06) in one XA transaction; the branch simulator's fills settle them, its rejections
 * release the hold; refused orders write nothing; money and shares are conserved.
 */
@ExtendWith(ArquillianExtension.class)
class SecuritiesIT {

    private static final String SERVICE = "java:global/kefu/kefu-ejb/SecuritiesServiceBean!org.kefu.securities.SecuritiesService";


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return Deployments.bankingProbe("securities-probe.war", SecuritiesIT.class, SecuritiesFixtures.class);
    }

    @EJB(lookup = SERVICE)
    private SecuritiesService securities;

    @EJB(lookup = "java:global/kefu/kefu-ejb/OrderSettlement!org.kefu.securities.OrderSettlement")
    private OrderSettlement settlement;

    @Resource
    private UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Resource(lookup = "java:jboss/datasources/LedgerDS")
    private DataSource ledger;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue backOfficeOut;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in")
    private Queue backOfficeIn;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue backOfficeDlq;

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

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private OrderView awaitClosed(String account, String ref) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        OrderView view = securities.order(account, ref);
        while ("SUBMITTED".equals(view.status()) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            view = securities.order(account, ref);
        }
        return view;
    }

    private void assertAllInvariants() throws Exception {
        new SecuritiesFixtures(ledger).assertInvariants();
        new BankingFixtures(ledger, kefu).assertInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void theDemoCenterHasItsSecuritiesAccountsAndQuotes() throws Exception {
        Holdings zhang = securities.holdings("GZ01000001");
        assertEquals("GZ01", zhang.branchCode());
        assertEquals("张三", zhang.holderName());
        PositionView pufa = zhang.positions().stream().filter(p -> p.code().equals("600000")).findFirst().orElseThrow();
        assertEquals(1000, pufa.quantity());
        assertEquals("浦发银行", pufa.name());
        assertTrue(zhang.cash().signum() > 0);
        assertEquals("GZ04", securities.holdings("GZ04000002").branchCode());
        Quote cmb = securities.quote("600036");
        assertEquals("招商银行", cmb.name());
        assertEquals(d("36.00"), cmb.limitDown());
        assertEquals(d("44.00"), cmb.limitUp());
        assertEquals("平安银行", securities.quote("000001").name());
        assertEquals(6, new SecuritiesFixtures(ledger).count("SELECT COUNT(*) FROM sec_branch"));
        assertEquals(3, new SecuritiesFixtures(ledger).count("SELECT COUNT(*) FROM sec_branch WHERE protocol = 'JMS'"));
        assertAllInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aBuyAtGz01FreezesCashGoesByJmsAndSettlesOnTheFill() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        String account = f.account("GZ01", "20000.00");
        long clearingBefore = f.shares("CLR-GZ01", "600036");
        OperationContext ctx = ivr(account);

        OrderReceipt receipt = securities.placeOrder(ctx, account, Side.BUY, "600036", d("40.00"), 200);

        // 200 x 40.00 = 8,000.00, commission 0.03% = 2.40 -> minimum 5.00
        assertEquals(d("8005.00"), receipt.frozenCash());
        assertEquals("JMS", receipt.protocol());
        assertFalse(receipt.replayed());
        assertEquals(1, f.count("SELECT COUNT(*) FROM account_hold WHERE reference = ? AND amount = 8005.00 AND reason = 'SECURITIES_BUY'",
                receipt.orderRef()), "the cash was frozen with the order");
        assertEquals(0, f.count("SELECT COUNT(*) FROM branch_order_box WHERE order_ref = ?", receipt.orderRef()),
                "a JMS branch never sees the order table");
        assertEquals(1, new BankingFixtures(ledger, kefu).kefuCount(
                "SELECT COUNT(*) FROM operation_journal WHERE reference = ? AND operation = 'SECURITIES_BUY' AND idempotency_key = ?",
                receipt.orderRef(), ctx.idempotencyKey()));

        OrderView done = awaitClosed(account, receipt.orderRef());

        assertEquals("FILLED", done.status());
        assertEquals(d("40.00"), done.fillPrice());
        assertEquals(d("5.00"), done.fee());
        assertEquals(d("11995.00"), f.cash(account));
        assertEquals(200, f.shares(account, "600036"));
        Holdings after = securities.holdings(account);
        assertEquals(d("0.00"), after.frozenCash());
        assertEquals(d("11995.00"), after.availableCash());
        assertEquals("SETTLED", f.string("SELECT status FROM account_hold WHERE reference = ?", receipt.orderRef()));
        assertEquals(clearingBefore - 200, f.shares("CLR-GZ01", "600036"), "the shares came from the branch's clearing position");
        List<Message> events = BankingFixtures.drain(jms, backOfficeOut, receipt.orderRef());
        assertEquals(1, events.size());
        assertTrue(events.get(0).getBody(String.class).contains("\"type\":\"securities.order.filled\""));
        assertAllInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aSellAtGz04GoesThroughTheOrderTableAndSettles() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        String account = f.account("GZ04", "100.00");
        f.shares(account, "000001", 500);

        OrderReceipt receipt = securities.placeOrder(ivr(account), account, Side.SELL, "000001", d("11.50"), 300);

        assertEquals("TABLE", receipt.protocol());
        assertEquals(300, receipt.frozenShares());
        assertEquals(1, f.count("SELECT COUNT(*) FROM branch_order_box WHERE order_ref = ? AND branch_code = 'GZ04' AND side = 'SELL' "
                + "AND stock_code = '000001' AND quantity = 300 AND limit_price = 11.50", receipt.orderRef()));
        assertEquals(1, f.count("SELECT COUNT(*) FROM sec_share_hold WHERE reference = ? AND quantity = 300", receipt.orderRef()));

        OrderView done = awaitClosed(account, receipt.orderRef());

        assertEquals("FILLED", done.status());
        // 300 x 11.50 = 3,450.00; commission 5.00 (minimum) + stamp duty 1.725 -> 1.73
        assertEquals(d("6.73"), done.fee());
        assertEquals(d("3543.27"), f.cash(account));
        assertEquals(200, f.shares(account, "000001"));
        assertEquals("SETTLED", f.string("SELECT status FROM sec_share_hold WHERE reference = ?", receipt.orderRef()));
        assertNotNull(f.string("SELECT settled_at FROM branch_order_box WHERE order_ref = ? AND status = 'FILLED'", receipt.orderRef()));
        assertEquals(0, f.count("SELECT COUNT(*) FROM account_hold WHERE reference = ?", receipt.orderRef()));
        assertAllInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void rejectedOrdersReleaseTheirHoldsAndMoveNothing() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        String buyer = f.account("GZ02", "1000000.00");
        String seller = f.account("GZ05", "50.00");
        f.shares(seller, "000001", 100_000);

        // The simulator rejects every order of 99,900 shares (BranchSimulator.REJECTED_QUANTITY).
        OrderReceipt buy = securities.placeOrder(ivr(buyer), buyer, Side.BUY, "600000", d("9.00"), 99_900);
        OrderReceipt sell = securities.placeOrder(ivr(seller), seller, Side.SELL, "000001", d("11.00"), 99_900);
        assertEquals(1, f.count("SELECT COUNT(*) FROM account_hold WHERE reference = ?", buy.orderRef()));
        OrderView buyDone = awaitClosed(buyer, buy.orderRef());
        OrderView sellDone = awaitClosed(seller, sell.orderRef());

        assertEquals("REJECTED", buyDone.status());
        assertEquals("simulated rejection", buyDone.rejectReason());
        assertEquals("REJECTED", sellDone.status());
        assertEquals("RELEASED", f.string("SELECT status FROM account_hold WHERE reference = ?", buy.orderRef()));
        assertEquals("RELEASED", f.string("SELECT status FROM sec_share_hold WHERE reference = ?", sell.orderRef()));
        assertEquals(d("1000000.00"), f.cash(buyer));
        assertEquals(d("1000000.00"), securities.holdings(buyer).availableCash());
        assertEquals(0, f.shares(buyer, "600000"));
        assertEquals(100_000, f.shares(seller, "000001"));
        assertEquals(100_000, securities.holdings(seller).positions().get(0).available());
        assertEquals(d("50.00"), f.cash(seller));
        assertEquals(0, f.count("SELECT COUNT(*) FROM posting WHERE movement_ref IN (?, ?)", buy.orderRef(), sell.orderRef()));
        List<Message> events = BankingFixtures.drain(jms, backOfficeOut, buy.orderRef());
        assertEquals(1, events.size());
        assertTrue(events.get(0).getBody(String.class).contains("\"type\":\"securities.order.rejected\""));
        assertAllInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void aRetriedOrderIsPlacedOnce() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        String account = f.account("GZ03", "5000.00");
        OperationContext ctx = ivr(account);

        OrderReceipt first = securities.placeOrder(ctx, account, Side.BUY, "600000", d("10.00"), 100);
        OrderReceipt again = securities.placeOrder(ctx, account, Side.BUY, "600000", d("10.0"), 100);

        assertTrue(again.replayed());
        assertEquals(first.orderRef(), again.orderRef());
        assertEquals(1, f.count("SELECT COUNT(*) FROM sec_order WHERE account_id = ?", account));
        SecuritiesException reused = assertThrows(SecuritiesException.class,
                () -> securities.placeOrder(ctx, account, Side.BUY, "600000", d("10.00"), 200));
        assertEquals(SecuritiesError.DUPLICATE_REQUEST, reused.getError());
        assertEquals("FILLED", awaitClosed(account, first.orderRef()).status());
        assertEquals(d("3995.00"), f.cash(account));
        assertEquals(100, f.shares(account, "600000"));
        assertAllInvariants();
    }

    @Test
    @OperateOnDeployment("probe")
    void everyRefusedOrderHasItsCodeAndWritesNothing() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        BankingFixtures b = new BankingFixtures(ledger, kefu);
        String rich = f.account("GZ01", "100000.00");
        String poor = f.account("GZ01", "1004.99");
        String holder = f.account("GZ04", "0.00");
        f.shares(holder, "600000", 300);
        String frozen = f.account("GZ02", "100000.00");
        f.freeze(frozen);
        // 200 of the holder's 300 shares are frozen by a pending sell once it is placed; wait for
        // it to settle so the snapshot below is quiet, and then the holder has 100 left.
        OrderReceipt pending = securities.placeOrder(ivr(holder), holder, Side.SELL, "600000", d("10.00"), 200);
        assertEquals("FILLED", awaitClosed(holder, pending.orderRef()).status());
        OperationContext used = ivr(rich);
        securities.placeOrder(used, rich, Side.BUY, "600000", d("10.00"), 100);
        awaitClosed(rich, securities.orders(rich, 1).get(0).orderRef());

        Map<String, Executable> cases = new LinkedHashMap<>();
        Map<String, SecuritiesError> expected = new LinkedHashMap<>();
        cases.put("unknown code", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "999999", d("10.00"), 100));
        expected.put("unknown code", SecuritiesError.UNKNOWN_STOCK);
        cases.put("malformed code", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "60000X", d("10.00"), 100));
        expected.put("malformed code", SecuritiesError.UNKNOWN_STOCK);
        cases.put("above the band", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "600000", d("11.01"), 100));
        expected.put("above the band", SecuritiesError.PRICE_OUT_OF_BAND);
        cases.put("below the band", () -> securities.placeOrder(ivr(rich), rich, Side.SELL, "600000", d("8.99"), 100));
        expected.put("below the band", SecuritiesError.PRICE_OUT_OF_BAND);
        cases.put("odd lot", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "600000", d("10.00"), 150));
        expected.put("odd lot", SecuritiesError.INVALID_QUANTITY);
        cases.put("zero quantity", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "600000", d("10.00"), 0));
        expected.put("zero quantity", SecuritiesError.INVALID_QUANTITY);
        cases.put("price in tenths of fen", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "600000", d("10.005"), 100));
        expected.put("price in tenths of fen", SecuritiesError.INVALID_PRICE);
        cases.put("no price", () -> securities.placeOrder(ivr(rich), rich, Side.BUY, "600000", null, 100));
        expected.put("no price", SecuritiesError.INVALID_PRICE);
        // 100 x 10.00 + 5.00 = 1,005.00: one fen short
        cases.put("insufficient cash", () -> securities.placeOrder(ivr(poor), poor, Side.BUY, "600000", d("10.00"), 100));
        expected.put("insufficient cash", SecuritiesError.INSUFFICIENT_FUNDS);
        cases.put("insufficient shares", () -> securities.placeOrder(ivr(holder), holder, Side.SELL, "600000", d("10.00"), 200));
        expected.put("insufficient shares", SecuritiesError.INSUFFICIENT_SHARES);
        cases.put("no shares at all", () -> securities.placeOrder(ivr(rich), rich, Side.SELL, "600036", d("40.00"), 100));
        expected.put("no shares at all", SecuritiesError.INSUFFICIENT_SHARES);
        cases.put("unknown account", () -> securities.placeOrder(ivr("GZ09999999"), "GZ09999999", Side.BUY, "600000", d("10.00"), 100));
        expected.put("unknown account", SecuritiesError.UNKNOWN_ACCOUNT);
        cases.put("internal account", () -> securities.placeOrder(ivr("CLR-GZ01"), "CLR-GZ01", Side.BUY, "600000", d("10.00"), 100));
        expected.put("internal account", SecuritiesError.UNKNOWN_ACCOUNT);
        cases.put("null account", () -> securities.placeOrder(ivr(null), null, Side.BUY, "600000", d("10.00"), 100));
        expected.put("null account", SecuritiesError.NOT_VERIFIED); // no call can have verified no account
        cases.put("frozen account", () -> securities.placeOrder(ivr(frozen), frozen, Side.BUY, "600000", d("10.00"), 100));
        expected.put("frozen account", SecuritiesError.ACCOUNT_FROZEN);
        cases.put("no side", () -> securities.placeOrder(ivr(rich), rich, null, "600000", d("10.00"), 100));
        expected.put("no side", SecuritiesError.INVALID_REQUEST);
        cases.put("no idempotency key", () -> securities.placeOrder(OperationContext.ivr("c", null), rich, Side.BUY, "600000", d("10.00"), 100));
        expected.put("no idempotency key", SecuritiesError.INVALID_REQUEST);
        cases.put("key reused", () -> securities.placeOrder(used, rich, Side.BUY, "600000", d("10.00"), 200));
        expected.put("key reused", SecuritiesError.DUPLICATE_REQUEST);
        cases.put("unknown order", () -> securities.order(rich, "no-such-order"));
        expected.put("unknown order", SecuritiesError.UNKNOWN_ORDER);
        cases.put("someone else's order", () -> securities.order(rich, pending.orderRef()));
        expected.put("someone else's order", SecuritiesError.UNKNOWN_ORDER);

        String before = snapshot(f, b);
        for (Map.Entry<String, Executable> c : cases.entrySet()) {
            SecuritiesException e = assertThrows(SecuritiesException.class, c.getValue(), c.getKey());
            assertEquals(expected.get(c.getKey()), e.getError(), c.getKey() + ": " + e.getMessage());
            assertEquals(before, snapshot(f, b), c.getKey() + " wrote nothing");
        }
        assertAllInvariants();
    }

    /**
     * Issue 14 item 8: an order or a positions query from a call is refused (NOT_VERIFIED,
     * nothing written, audited) unless the account was verified in that call; verified in another
     * call, or another account verified in this one, does not count.
     */
    @Test
    @OperateOnDeployment("probe")
    void aCallersOrderNeedsTheAccountVerifiedInThatCall() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        BankingFixtures b = new BankingFixtures(ledger, kefu);
        String account = f.account("GZ01", "100000.00");
        String other = f.account("GZ01", "100000.00");
        OperationContext call = ivr(other);
        OperationContext elsewhere = ivr(account);
        long audited = b.kefuCount("SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_NOT_VERIFIED'");
        String before = snapshot(f, b);
        SecuritiesException order = assertThrows(SecuritiesException.class,
                () -> securities.placeOrder(call, account, Side.BUY, "600000", d("10.00"), 100));
        assertEquals(SecuritiesError.NOT_VERIFIED, order.getError());
        SecuritiesException positions = assertThrows(SecuritiesException.class, () -> securities.holdings(call, account));
        assertEquals(SecuritiesError.NOT_VERIFIED, positions.getError());
        assertEquals(before, snapshot(f, b), "the refusals wrote nothing");
        assertEquals(audited + 2, b.kefuCount("SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_NOT_VERIFIED'"));
        // Verified in its own call, the same order goes through.
        OrderReceipt receipt = securities.placeOrder(elsewhere, account, Side.BUY, "600000", d("10.00"), 100);
        assertEquals("FILLED", awaitClosed(account, receipt.orderRef()).status());
        assertAllInvariants();
    }

    /**
     * Issue 14 item 6: a branch's fill is checked against the order before anything moves: a
     * known order, the order's own branch, not more than the open quantity, within the limit and
     * within the day's band on both sides (a SELL filled above the band, or a BUY below it, got
     * through before). Each refusal leaves the order open with its hold, and nothing else moves;
     * the orders are placed and probed in one transaction that is rolled back, so the branch
     * simulator never sees them.
     */
    @Test
    @OperateOnDeployment("probe")
    void aFillThatDoesNotMatchTheOrderIsRefusedAndMovesNothing() throws Exception {
        SecuritiesFixtures f = new SecuritiesFixtures(ledger);
        String buyer = f.account("GZ01", "100000.00");
        String seller = f.account("GZ01", "0.00");
        f.shares(seller, "601318", 100);
        Quote q = securities.quote("601318");
        tx.begin();
        try {
            OrderReceipt buy = securities.placeOrder(ivr(buyer), buyer, Side.BUY, "601318", q.limitDown(), 100);
            OrderReceipt sell = securities.placeOrder(ivr(seller), seller, Side.SELL, "601318", q.limitUp(), 100);
            String b = buy.orderRef();
            String s = sell.orderRef();
            Map<String, Executable> fills = new LinkedHashMap<>();
            fills.put("unknown order", () -> settlement.fill("no-such-order", "GZ01", q.limitDown(), 100));
            fills.put("no branch", () -> settlement.fill(b, null, q.limitDown(), 100));
            fills.put("another branch", () -> settlement.fill(b, "GZ02", q.limitDown(), 100));
            fills.put("unknown branch", () -> settlement.fill(b, "GZ99", q.limitDown(), 100));
            fills.put("above the open quantity", () -> settlement.fill(b, "GZ01", q.limitDown(), 200));
            fills.put("partial", () -> settlement.fill(b, "GZ01", q.limitDown(), 50));
            fills.put("buy above its limit", () -> settlement.fill(b, "GZ01", q.limitDown().add(d("0.01")), 100));
            fills.put("buy below the band", () -> settlement.fill(b, "GZ01", q.limitDown().subtract(d("0.01")), 100));
            fills.put("sell below its limit", () -> settlement.fill(s, "GZ01", q.limitUp().subtract(d("0.01")), 100));
            fills.put("sell above the band", () -> settlement.fill(s, "GZ01", q.limitUp().add(d("0.01")), 100));
            fills.put("reject from another branch", () -> settlement.reject(b, "GZ03", "forged"));
            for (Map.Entry<String, Executable> c : fills.entrySet()) {
                assertThrows(BadBranchAnswer.class, c.getValue(), c.getKey());
                assertEquals("SUBMITTED", securities.order(buyer, b).status(), c.getKey() + ": the buy stays open");
                assertEquals("SUBMITTED", securities.order(seller, s).status(), c.getKey() + ": the sell stays open");
                assertEquals(100, securities.holdings(seller).positions().get(0).quantity(), c.getKey() + ": no share moved");
                assertEquals(0, d("100000.00").compareTo(securities.holdings(buyer).cash()), c.getKey() + ": no cash moved");
            }
            // The right answers are taken (checks that refuse nothing valid).
            assertTrue(settlement.fill(b, "GZ01", q.limitDown(), 100));
            assertTrue(settlement.fill(s, "GZ01", q.limitUp(), 100));
        } finally {
            tx.rollback();
        }
        assertAllInvariants();
    }

    private String snapshot(SecuritiesFixtures f, BankingFixtures b) throws Exception {
        return String.join("\n",
                b.snapshot(jms, backOfficeOut),
                "orders=" + f.count("SELECT COUNT(*) FROM sec_order"),
                "box=" + f.count("SELECT COUNT(*) FROM branch_order_box"),
                "shareHolds=" + f.count("SELECT COUNT(*) FROM sec_share_hold"),
                "positions=" + f.count("SELECT COUNT(*) FROM sec_position"),
                "shares=" + f.count("SELECT COALESCE(SUM(ABS(quantity)), 0) FROM sec_position"));
    }

    @Test
    @OperateOnDeployment("probe")
    void theBackOfficeRefreshesQuotesAndTheBandFollows() throws Exception {
        String code = "68" + (1000 + (int) (Math.random() * 8999));
        String id = "quote-" + UUID.randomUUID();
        String ack = send("{\"type\":\"quote.update\",\"id\":\"" + id + "\",\"code\":\"" + code
                + "\",\"name\":\"测试股份\",\"prevClose\":\"20.00\",\"last\":\"20.50\"}", id);
        assertTrue(ack.contains("\"type\":\"ack\""), ack);
        Quote quote = securities.quote(code);
        assertEquals("测试股份", quote.name());
        assertEquals(d("22.00"), quote.limitUp());

        String id2 = "quote-" + UUID.randomUUID();
        send("{\"type\":\"quote.update\",\"id\":\"" + id2 + "\",\"code\":\"" + code + "\",\"prevClose\":\"30.00\",\"last\":31.5}", id2);
        quote = securities.quote(code);
        assertEquals(d("31.50"), quote.last());
        assertEquals(d("33.00"), quote.limitUp());
        assertEquals("测试股份", quote.name());

        assertDeadLettered("{\"type\":\"quote.update\",\"id\":\"q1\",\"code\":\"689999\",\"last\":\"1.00\"}", "UNKNOWN_STOCK");
        assertDeadLettered("{\"type\":\"quote.update\",\"id\":\"q2\",\"code\":\"" + code + "\",\"last\":\"1.001\"}", "field \"last\" must be a positive price");
        assertDeadLettered("{\"type\":\"quote.update\",\"id\":\"q3\",\"code\":\"ABC\",\"last\":\"1.00\"}", "field \"code\" must be six digits");
        assertEquals(d("31.50"), securities.quote(code).last());
        assertThrows(SecuritiesException.class, () -> securities.quote("689999"));
    }

    private String send(String command, String correlation) throws Exception {
        try (JMSContext ctx = jms.createContext()) {
            TextMessage m = ctx.createTextMessage(command);
            m.setJMSCorrelationID(correlation);
            ctx.createProducer().send(backOfficeIn, m);
            try (JMSConsumer replies = ctx.createConsumer(backOfficeOut, "JMSCorrelationID = '" + correlation + "'")) {
                Message reply = replies.receive(15_000);
                assertNotNull(reply, "an answer to " + command);
                return reply.getBody(String.class);
            }
        }
    }

    private void assertDeadLettered(String command, String reasonStart) throws Exception {
        String correlation = "bad-" + UUID.randomUUID();
        try (JMSContext ctx = jms.createContext()) {
            TextMessage m = ctx.createTextMessage(command);
            m.setJMSCorrelationID(correlation);
            ctx.createProducer().send(backOfficeIn, m);
            try (JMSConsumer dead = ctx.createConsumer(backOfficeDlq, "JMSCorrelationID = '" + correlation + "'")) {
                Message dl = dead.receive(15_000);
                assertNotNull(dl, command + " reaches the DLQ");
                String reason = dl.getStringProperty("kefu_error");
                assertTrue(reason != null && reason.startsWith(reasonStart), command + " -> " + reason);
            }
        }
    }
}
