package org.kefu.acd.routing;


import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the router needs to know about a queue: who may serve it and how it picks among them.
 * A plain value so that the router stays free of JPA; the EJB layer builds it from the
 * {@link org.kefu.acd.CallQueue} entity.
 *
 * @param code           the queue's code (banking, vip ...)
 * @param requiredSkills skill code → minimum level (1–10); empty: every agent may serve it
 * @param strategy       how a READY agent is chosen when a call arrives
 * @param maxLength      most calls that may wait; 0 means no limit
 * @param maxWait        longest a call waits before {@link Router#overflowDue} hands it back;
 *                       {@code null} means no limit
 * @param wrapUp         after-call work time; {@link Duration#ZERO} for none, {@code null} for
 *                       "until the agent ends it"
 * @param overflowTarget where overflowing calls go (another queue, IVR, voicemail), or {@code null};
 *                       the router only passes it on
 */
public record QueueDefinition(String code, Map<String, Integer> requiredSkills, RoutingStrategy strategy,
                              int maxLength, Duration maxWait, Duration wrapUp, String overflowTarget) {

    public QueueDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(strategy, "strategy");
        requiredSkills = Map.copyOf(requiredSkills == null ? Map.of() : requiredSkills);
        requiredSkills.forEach((skill, level) -> {
            if (level < 1 || level > 10) {
                throw new IllegalArgumentException("Queue " + code + ": minimum level of " + skill + " must be 1–10, not " + level);
            }
        });
        if (maxLength < 0) {
            throw new IllegalArgumentException("Queue " + code + ": maxLength must not be negative");
        }
        if (maxWait != null && maxWait.isNegative() || wrapUp != null && wrapUp.isNegative()) {
            throw new IllegalArgumentException("Queue " + code + ": durations must not be negative");
        }
    }

    /** A queue with no length or wait limit, no wrap-up time and no overflow target. */
    public static QueueDefinition of(String code, RoutingStrategy strategy, Map<String, Integer> requiredSkills) {
        return new QueueDefinition(code, requiredSkills, strategy, 0, null, Duration.ZERO, null);
    }

    public QueueDefinition withMaxLength(int length) {
        return new QueueDefinition(code, requiredSkills, strategy, length, maxWait, wrapUp, overflowTarget);
    }

    public QueueDefinition withMaxWait(Duration wait, String target) {
        return new QueueDefinition(code, requiredSkills, strategy, maxLength, wait, wrapUp, target);
    }

    public QueueDefinition withWrapUp(Duration time) {
        return new QueueDefinition(code, requiredSkills, strategy, maxLength, maxWait, time, overflowTarget);
    }

    /** True when an agent with these skills has every required skill at or above its minimum level. */
    public boolean canBeServedBy(Map<String, Integer> skills) {
        for (Map.Entry<String, Integer> required : requiredSkills.entrySet()) {
            Integer level = skills.get(required.getKey());
            if (level == null || level < required.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The agent's summed levels on this queue's required skills: MOST_SKILLED ranks by it. */
    public int skillScore(Map<String, Integer> skills) {
        int score = 0;
        for (String skill : requiredSkills.keySet()) {
            score += skills.getOrDefault(skill, 0);
        }
        return score;
    }
}
