package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Scripted callers through the hotline 12345, utilities 96000 and securities 95501 demo flows. */
class OtherFlowsTest {
    private final FakeServices services = new FakeServices();

    @Test
    void hotlineOneReachesTheHotlineQueue() {
        Caller c = new Caller(Flows.demo("hotline-12345"), services).start();
        assertThat(c.heard()).containsExactly("welcome", "main-menu-hotline");
        c.press("1");
        IvrAction.Transfer t = (IvrAction.Transfer) c.last();
        assertThat(t.target()).isEqualTo("hotline");
        assertThat(t.data()).containsEntry("ivr.var.ani", "13800138000");
    }

    @Test
    void hotlineReturningCallerPressesStarForTheLastAgent() {
        services.lastAgent = "1003";
        Caller c = new Caller(Flows.demo("hotline-12345"), services).start();
        assertThat(c.heard()).containsExactly("welcome", "press-star-for-last-agent", "main-menu-hotline");
        c.press("*");
        IvrAction.Transfer t = (IvrAction.Transfer) c.last();
        assertThat(t.kind()).isEqualTo(TransferKind.AGENT);
        assertThat(t.target()).isEqualTo("1003");
    }

    @Test
    void hotlineNineEndsTheCall() {
        Caller c = new Caller(Flows.demo("hotline-12345"), services).start().press("9");
        assertThat(c.heard()).endsWith("goodbye");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
    }

    @Test
    void hotlineTwoIsSelfServiceResultQueryByTicket() {
        Caller c = new Caller(Flows.demo("hotline-12345"), services).start().press("2");
        assertThat(c.node()).isEqualTo("self-service");
        assertThat(c.heard()).endsWith("enter-ticket-number");
        c.press("20260001#");
        assertThat(services.calls).endsWith("tickets.status");
        assertThat(String.join(" ", c.heard())).endsWith("ticket-number-is digit-2 digit-0 digit-2 digit-6 digit-0 digit-0 digit-0"
                + " digit-1-yao ticket-status-resolved welcome main-menu-hotline");
        assertThat(c.node()).isEqualTo("menu");
    }

    @Test
    void hotlineOutOfHoursRecordsTheCallersNumberAndAMessage() {
        services.open = false;
        Caller c = new Caller(Flows.demo("hotline-12345"), services).start();
        assertThat(c.heard()).containsExactly("out-of-hours", "leave-message-after-tone", "beep");
        assertThat(c.last()).isEqualTo(new IvrAction.Record(120));
        c.recorded("rec-42");
        assertThat(services.calls).endsWith("voicemail.store");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 1))
                .containsEntry("caller", "13800138000").containsEntry("recording", "rec-42").containsEntry("queue", "hotline");
        assertThat(c.heard()).endsWith("message-recorded", "goodbye");
        assertThat(c.state.finished()).isTrue();
    }

    @Test
    void hotlineOnAHolidayGoesToVoicemailEvenIfTheQueueIsOpen() {
        Caller c = new Caller(Flows.demo("hotline-12345"), services, Clock.systemUTC(), date -> true).start();
        assertThat(c.node()).isEqualTo("closed");
    }

    @Test
    void utilitiesFeeQueryAndPayment() {
        Caller c = new Caller(Flows.demo("utilities-96000"), services).start();
        assertThat(c.heard()).containsExactly("welcome", "main-menu-utilities");
        c.press("1");
        assertThat(c.heard()).endsWith("enter-customer-number");
        c.press("100001#");
        // The amount is read back and the payment waits for the caller's confirmation.
        assertThat(String.join(" ", c.heard())).endsWith(
                "your-bill-is digit-1 hundred digit-2 ten digit-8 yuan digit-5 jiao unpaid confirm-press-1-cancel-2");
        assertThat(services.calls).containsExactly("utilities.bill");
        c.press("1");
        // The paying account's card PIN first (issue 14 item 8): nothing is paid before it is verified.
        assertThat(c.heard()).endsWith("enter-pin");
        assertThat(services.calls).containsExactly("utilities.bill");
        c.press("123456");
        assertThat(services.calls).containsExactly("utilities.bill", "utilities.verifyPin", "utilities.pay");
        assertThat(services.inputsSeen.get(2)).containsEntry("customer", "100001").containsEntry("bill", "BILL-1");
        assertThat(c.heard()).endsWith("transaction-done", "main-menu-utilities");
        // The customer number is asked once per call.
        c.press("1");
        assertThat(c.heard()).endsWith("confirm-press-1-cancel-2").containsOnlyOnce("enter-customer-number");
    }

    @Test
    void utilitiesPaymentWithAWrongPinPaysNothing() {
        Caller c = new Caller(Flows.demo("utilities-96000"), services).start().press("1").press("100001#").press("1")
                .press("000000");
        assertThat(c.heard()).endsWith("wrong-pin", "enter-pin");
        assertThat(services.calls).containsExactly("utilities.bill", "utilities.verifyPin");
    }

    @Test
    void utilitiesPaymentCancelledPaysNothing() {
        Caller c = new Caller(Flows.demo("utilities-96000"), services).start().press("1").press("100001#").press("2");
        assertThat(services.calls).containsExactly("utilities.bill");
        assertThat(c.node()).isEqualTo("menu");
    }

    @Test
    void utilitiesRepairReportReadsBackTheTicketNumberDigitByDigit() {
        Caller c = new Caller(Flows.demo("utilities-96000"), services).start().press("2").press("100001#");
        assertThat(String.join(" ", c.heard())).contains(
                "repair-registered ticket-number-is digit-2 digit-0 digit-2 digit-6 digit-0 digit-0 digit-0 digit-1-yao");
        assertThat(services.inputsSeen.get(0)).containsEntry("customer", "100001").containsEntry("caller", "13800138000");
        c.press("3");
        assertThat(c.heard()).endsWith("enter-ticket-number");
        c.press("20260001#");
        assertThat(String.join(" ", c.heard())).contains("digit-1-yao ticket-status-resolved");
        assertThat(c.heard()).endsWith("main-menu-utilities");
        c.press("0");
        assertThat(((IvrAction.Transfer) c.last()).target()).isEqualTo("utilities");
    }

    @Test
    void securitiesQuoteAndASellOrderReadBackAndConfirmed() {
        Caller c = new Caller(Flows.demo("securities-95501"), services).start();
        assertThat(c.heard()).containsExactly("welcome", "main-menu-securities");
        c.press("1").press("600000");
        assertThat(services.calls).containsExactly("securities.quote"); // a quote needs no login
        assertThat(String.join(" ", c.heard())).contains("digit-6 digit-0 digit-0 digit-0 digit-0 digit-0 price-is ten point digit-2 digit-5");
        c.press("3");
        assertThat(c.heard()).endsWith("enter-account");
        c.press(FakeServices.ACCOUNT + "#").press(FakeServices.PIN);
        assertThat(c.heard()).endsWith("buy-or-sell");
        c.press("2").press("600000").press("10*5#").press("500#");
        assertThat(String.join(" ", c.heard())).endsWith("you-are-selling"
                + " digit-6 digit-0 digit-0 digit-0 digit-0 digit-0 at-price ten point digit-5 digit-5 hundred shares confirm-press-1-cancel-2");
        assertThat(services.calls).doesNotContain("securities.placeOrder");
        c.press("1");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 1))
                .containsEntry("side", "SELL").containsEntry("code", "600000").containsEntry("price", "10.5")
                .containsEntry("quantity", "500");
        assertThat(c.heard()).contains("order-placed");
    }

    @Test
    void securitiesQuantityMustBeWholeLots() {
        Caller c = new Caller(Flows.demo("securities-95501"), services).start()
                .press("3").press(FakeServices.ACCOUNT + "#").press(FakeServices.PIN).press("1").press("600000").press("10#").press("150#");
        assertThat(c.node()).isEqualTo("order-quantity");
        assertThat(c.heard()).endsWith("invalid-input", "enter-quantity");
    }

    @Test
    void securitiesBuyCancelledAtTheConfirmationPlacesNothing() {
        Caller c = new Caller(Flows.demo("securities-95501"), services).start()
                .press("3").press(FakeServices.ACCOUNT + "#").press(FakeServices.PIN).press("1")
                .press("600000").press("10*05#").press("100#");
        assertThat(c.heard()).contains("you-are-buying");
        c.press("2");
        assertThat(services.calls).doesNotContain("securities.placeOrder");
        assertThat(c.node()).isEqualTo("main");
        // Logged in once per call: a second order goes straight to buy or sell.
        c.press("3");
        assertThat(c.heard()).endsWith("buy-or-sell");
        assertThat(services.calls).containsOnlyOnce("securities.verifyPin");
    }

    @Test
    void securitiesPositionsAndFunds() {
        Caller c = new Caller(Flows.demo("securities-95501"), services).start()
                .press("2").press(FakeServices.ACCOUNT + "#").press(FakeServices.PIN);
        assertThat(String.join(" ", c.heard())).contains("available-funds-are digit-5 wan yuan zheng"
                + " digit-6 digit-0 digit-0 digit-0 digit-0 digit-0 digit-1 thousand");
    }

    @Test
    void timeOfDayConditionUsesTheGivenClock() {
        IvrFlow flow = Flows.parse("{'id':'t','start':'c','agent':'a','nodes':["
                + "{'id':'c','type':'condition','when':[{'time':{'from':'08:00','to':'20:00'},'days':['MONDAY','SATURDAY'],'next':'open'}],'otherwise':'closed'},"
                + "{'id':'open','type':'hangup','prompts':['welcome']},"
                + "{'id':'closed','type':'hangup','prompts':['out-of-hours']},"
                + "{'id':'a','type':'transfer','queue':'q'}]}");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // Saturday 2026-11-21 09:00 in Shanghai
        Caller day = new Caller(flow, services, Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), shanghai), HolidayCalendar.NONE);
        assertThat(day.start().heard()).containsExactly("welcome");
        Caller night = new Caller(flow, services, Clock.fixed(Instant.parse("2026-11-21T13:00:00Z"), shanghai), HolidayCalendar.NONE);
        assertThat(night.start().heard()).containsExactly("out-of-hours");
        Caller sunday = new Caller(flow, services, Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), shanghai), HolidayCalendar.NONE);
        assertThat(sunday.start().heard()).containsExactly("out-of-hours");
    }

    @Test
    void timeRangeAcrossMidnight() {
        IvrFlow flow = Flows.parse("{'id':'t','start':'c','nodes':["
                + "{'id':'c','type':'condition','when':[{'time':{'from':'22:00','to':'06:00'},'next':'night'}],'otherwise':'day'},"
                + "{'id':'night','type':'hangup','prompts':['out-of-hours']},{'id':'day','type':'hangup','prompts':['welcome']}]}");
        Caller late = new Caller(flow, services, Clock.fixed(Instant.parse("2026-11-21T23:30:00Z"), ZoneId.of("UTC")), HolidayCalendar.NONE);
        assertThat(late.start().heard()).containsExactly("out-of-hours");
        Caller noon = new Caller(flow, services, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneId.of("UTC")), HolidayCalendar.NONE);
        assertThat(noon.start().heard()).containsExactly("welcome");
    }

    @Test
    void aFlowWithoutAgentNodeHangsUpWhenRetriesAreExhausted() {
        IvrFlow flow = Flows.parse("{'id':'t','start':'m','retries':0,'nodes':["
                + "{'id':'m','type':'menu','prompts':['welcome'],'options':{'1':'b','0':'b'}},{'id':'b','type':'hangup'}]}");
        Caller c = new Caller(flow, services).start().press("5");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
        assertThat(c.state.path()).extracting(PathEntry::toString).containsSubsequence("m=invalid", "m=agent:none");
    }
}
