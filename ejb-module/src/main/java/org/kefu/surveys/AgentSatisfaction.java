package org.kefu.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One agent's surveys in a span: offered, scored, the average score (two decimals; null when
 * none was scored) and how many of each score from 1 to 5. Getters for EL (Jakarta EL 5 does not
 * read record components).
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

    public String getAgent() {
        return agent;
    }

    public long getOffered() {
        return offered;
    }

    public long getScored() {
        return scored;
    }

    public BigDecimal getAverage() {
        return average;
    }

    /** How many callers keyed {@code score} (1 to 5). */
    public long scoreCount(int score) {
        return scores[score - 1];
    }

    /** "1:0 2:0 3:1 4:2 5:1", for a table cell. */
    public String getSpread() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            b.append(i == 0 ? "" : " ").append(i + 1).append(':').append(scores[i]);
        }
        return b.toString();
    }
}
