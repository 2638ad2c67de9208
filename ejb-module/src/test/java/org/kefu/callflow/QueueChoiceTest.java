package org.kefu.callflow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which ACD queue a caller asking for an agent joins (shared/DEMO-CENTER.md). */
class QueueChoiceTest {

    @Test
    void eachEntryHasItsQueueAndVipBankingCallersTheirOwn() {
        assertEquals("hotline", InboundCalls.queueFor("HOTLINE", 0));
        assertEquals("hotline", InboundCalls.queueFor("HOTLINE", 5), "no VIP queue on the hotline");
        assertEquals("banking", InboundCalls.queueFor("BANKING", 0));
        assertEquals("banking", InboundCalls.queueFor("BANKING", 1));
        assertEquals("vip", InboundCalls.queueFor("BANKING", 2));
        assertEquals("vip", InboundCalls.queueFor("BANKING", 9));
        assertEquals("securities", InboundCalls.queueFor("SECURITIES", 3));
        assertEquals("utilities", InboundCalls.queueFor("UTILITIES", 0));
        assertEquals("hotline", InboundCalls.queueFor(null, 0));
    }

    @Test
    void aCustomerWhoSpeaksEnglishGoesToTheEnglishQueueFromAnyEntry() {
        assertEquals("english", InboundCalls.queueFor("HOTLINE", 0, "en"));
        assertEquals("english", InboundCalls.queueFor("BANKING", 3, "en-GB"));
        assertEquals("vip", InboundCalls.queueFor("BANKING", 3, "zh-CN"));
        assertEquals("utilities", InboundCalls.queueFor("UTILITIES", 0, null));
    }
}
