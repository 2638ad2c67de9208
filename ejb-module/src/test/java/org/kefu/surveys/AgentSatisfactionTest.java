package org.kefu.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AgentSatisfactionTest {

    @Test
    void theAverageIsOverTheScoredCallsOnly() {
        // 6 offered, 4 scored: 5, 5, 4, 1.
        AgentSatisfaction a = AgentSatisfaction.of("1001", 6, 4, new long[] {1, 0, 0, 1, 2});
        assertThat(a.average()).isEqualByComparingTo(new BigDecimal("3.75"));
        assertThat(a.scores()).containsExactly(1, 0, 0, 1, 2);
        assertThat(AgentSatisfaction.of("1002", 3, 0, new long[5]).average()).isNull();
    }
}
