package org.kefu.acd.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityRuleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void agingAddsOnePointPerStepUpToTheCap() {
        PriorityRule rule = PriorityRule.plusOneEvery(Duration.ofSeconds(30), 3);

        assertThat(rule.effective(2, T0, T0)).isEqualTo(2);
        assertThat(rule.effective(2, T0, T0.plusSeconds(29))).isEqualTo(2);
        assertThat(rule.effective(2, T0, T0.plusSeconds(30))).isEqualTo(3);
        assertThat(rule.effective(2, T0, T0.plusSeconds(89))).isEqualTo(4);
        assertThat(rule.effective(2, T0, T0.plusSeconds(3600))).isEqualTo(5);
    }

    @Test
    void noAgingIsTheVipLevelOnly() {
        assertThat(PriorityRule.none().effective(3, T0, T0.plusSeconds(3600))).isEqualTo(3);
        assertThat(PriorityRule.plusOneEvery(Duration.ofSeconds(30), 0).effective(1, T0, T0.plusSeconds(3600))).isEqualTo(1);
    }

    @Test
    void aClockGoingBackDoesNotLowerPriority() {
        assertThat(PriorityRule.plusOneEvery(Duration.ofSeconds(30), 3).effective(1, T0, T0.minusSeconds(60))).isEqualTo(1);
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new PriorityRule(Duration.ofSeconds(-1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriorityRule(Duration.ofSeconds(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queueRequirementsAndSkillScore() {
        QueueDefinition banking = DemoCenter.QUEUES.get(0);

        assertThat(banking.canBeServedBy(DemoCenter.SKILLS.get("1004"))).isTrue();
        assertThat(banking.canBeServedBy(DemoCenter.SKILLS.get("1003"))).isFalse();
        assertThat(DemoCenter.QUEUES.get(1).canBeServedBy(DemoCenter.SKILLS.get("1004"))).isFalse(); // vip
        assertThat(banking.skillScore(DemoCenter.SKILLS.get("1005"))).isEqualTo(10);
        assertThatThrownBy(() -> QueueDefinition.of("x", RoutingStrategy.LONGEST_IDLE, java.util.Map.of("banking", 11)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
