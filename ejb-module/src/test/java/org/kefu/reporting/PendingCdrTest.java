package org.kefu.reporting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingCdrTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void aRetriedOpeningKeepsItsFactsAndTakesTheNewerOnes() {
        PendingCdr retried = new PendingCdr("c1").opened("INBOUND", "13800000001", "12345", T0).answered(T0.plusSeconds(1));
        PendingCdr newer = new PendingCdr("c1").assigned("hotline", "1001").ended(T0.plusSeconds(60), "NORMAL");
        PendingCdr both = retried.followedBy(newer);
        assertTrue(both.opening);
        assertEquals(T0, both.startedAt);
        assertEquals(T0.plusSeconds(1), both.answeredAt);
        assertEquals("1001", both.agentJobNumber);
        assertEquals("NORMAL", both.endCause);
    }

    @Test
    void theFirstAnswerAndEndStay() {
        PendingCdr p = new PendingCdr("c2").answered(T0).answered(T0.plusSeconds(5)).ended(T0.plusSeconds(9), "NORMAL").ended(T0.plusSeconds(10), "X");
        assertEquals(T0, p.answeredAt);
        assertEquals("NORMAL", p.endCause);
    }

    @Test
    void anOverlongNumberIsCutToTheColumnNotLost() {
        PendingCdr p = new PendingCdr("c3").opened("INBOUND", "1".repeat(40), "12345", T0);
        assertEquals(32, p.ani.length());
    }
}
