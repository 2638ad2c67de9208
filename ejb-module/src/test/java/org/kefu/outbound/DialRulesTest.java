package org.kefu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.kefu.telephony.dialplan.NumberCategory;
import org.junit.jupiter.api.Test;

class DialRulesTest {

    private final LocalDate today = LocalDate.of(2026, 12, 6);
    private final DialRules rules = new DialRules(Map.of(
            "agent", DialRules.categories("MOBILE,LANDLINE,SERVICE"),
            "supervisor", DialRules.categories("MOBILE,LANDLINE,SERVICE,INTERNATIONAL")), 3);

    @Test
    void agentsReachNationalNumbersButNotTheOnesThatCostTheCentreMoney() {
        assertTrue(rules.decide("1001", Set.of("agent"), "13800138000", today).allowed());
        assertTrue(rules.decide("1001", Set.of("agent"), "01088886666", today).allowed());
        assertTrue(rules.decide("1001", Set.of("agent"), "95500", today).allowed());
        for (String n : new String[] {"0044207946000", "+12125550100", "16801234", "179510044207946000", "abc"}) {
            DialRules.Decision d = rules.decide("1001", Set.of("agent"), n, today);
            assertFalse(d.allowed(), n);
        }
        assertEquals(NumberCategory.INTERNATIONAL, rules.decide("1001", Set.of("agent"), "0044207946000", today).category());
    }

    @Test
    void aRoleConfiguredForItReachesMore() {
        assertTrue(rules.decide("2001", Set.of("agent", "supervisor"), "0044207946000", today).allowed());
        assertFalse(rules.decide("2001", Set.of("admin"), "13800138000", today).allowed(), "no dial role, no calls");
    }

    @Test
    void theDailyBudgetCountsChargeableCallsPerPersonAndDay() {
        for (int i = 0; i < 3; i++) {
            assertTrue(rules.decide("1001", Set.of("agent"), "1380013800" + i, today).allowed());
        }
        DialRules.Decision over = rules.decide("1001", Set.of("agent"), "13800138009", today);
        assertFalse(over.allowed());
        assertTrue(over.refusal().contains("budget"), over.refusal());
        assertTrue(rules.decide("1001", Set.of("agent"), "12345", today).allowed(), "service numbers are free");
        assertTrue(rules.decide("1002", Set.of("agent"), "13800138000", today).allowed(), "another agent's budget");
        assertTrue(rules.decide("1001", Set.of("agent"), "13800138000", today.plusDays(1)).allowed(), "a new day");
        assertTrue(rules.permits(Set.of("agent"), "13800138000").allowed(), "a binding takes no budget");
    }

    @Test
    void aQueueWithItsOwnCategoriesNarrowsWhatItsCallsMayBeSentTo() {
        DialRules perQueue = new DialRules(Map.of(
                "agent", DialRules.categories("MOBILE,LANDLINE,SERVICE"),
                "supervisor", DialRules.categories("MOBILE,LANDLINE,SERVICE,INTERNATIONAL")),
                Map.of("banking", DialRules.categories("SERVICE")), 10);
        DialRules.Decision mobile = perQueue.decide("1001", Set.of("agent"), "banking", "13800138000", today);
        assertFalse(mobile.allowed(), "banking calls go to service numbers only");
        assertTrue(mobile.refusal().contains("queue banking"), mobile.refusal());
        assertTrue(perQueue.decide("1001", Set.of("agent"), "banking", "95500", today).allowed());
        assertTrue(perQueue.decide("1001", Set.of("agent"), "hotline", "13800138000", today).allowed(),
                "a queue without its own list leaves the role's");
        assertTrue(perQueue.decide("1001", Set.of("agent"), null, "13800138000", today).allowed(), "no call, no queue");
        assertFalse(perQueue.decide("2001", Set.of("supervisor"), "banking", "0044207946000", today).allowed(),
                "the queue narrows a supervisor too");
        assertFalse(perQueue.decide("1001", Set.of("agent"), "hotline", "0044207946000", today).allowed(),
                "a queue never widens the role's categories");
    }
}
