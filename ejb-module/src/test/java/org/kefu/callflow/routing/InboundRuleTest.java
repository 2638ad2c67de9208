package org.kefu.callflow.routing;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule survives being stored: weekdays as digits, the window, the day condition and the target. */
class InboundRuleTest {

    @Test
    void aStoredRuleReadsBackAsTheSameRule() {
        RoutingRule rule = new RoutingRule(0, 7, "weekend nights", "96000", "0044", Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                1320, 360, DayCondition.CLOSED, "out-of-hours", RuleTarget.VOICEMAIL, "utilities");
        InboundRule stored = new InboundRule(rule, false);
        assertThat(stored.toRule()).isEqualTo(rule);
        assertThat(stored.isEnabled()).isFalse();
    }

    @Test
    void aRuleWithoutConditionsMatchesAnything() {
        RoutingRule rule = new RoutingRule(0, 1, "all", null, null, null, null, null, null, null, RuleTarget.MENU, null);
        assertThat(new InboundRule(rule, true).toRule()).isEqualTo(rule);
        assertThat(rule.day()).isEqualTo(DayCondition.ANY);
        assertThat(rule.inWindow(0)).isTrue();
    }
}
