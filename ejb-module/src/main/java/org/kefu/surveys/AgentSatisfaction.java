package org.kefu.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One agent's surveys in a span: offered, scored, the average score (two decimals; null when
 * none was scored) and how many of each score from 1 to 5.
 */
public record AgentSatisfaction(String agent, long offered, long scored, BigDecimal average, long[] scores) {

    static AgentSatisfaction of(String agent, long offered, long scored, long[] scores) {
        long total = 0;
        for (int i = 0; i < scores.length; i++) {
            total += (i + 1) * scores[i];
        }
        BigDecimal average = scored == 0 ? null
                : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
        return new AgentSatisfaction(agent, offered, scored, average, scores.clone());
    }
}
