package org.kefu.reporting;

import org.kefu.acd.routing.QueueFigures;

/**
 * A queue's live figures (from the router) and today's figures (from the event log, business day
 * in Asia/Shanghai). Ratios are {@code null} while nothing was offered.
 *
 * @param offered            calls that joined the queue today, short abandons excluded
 * @param answeredInTime     answered within the queue's service-level threshold
 * @param abandoned          callers who hung up while waiting (short abandons excluded)
 * @param shortAbandoned     callers who hung up within the short-abandon limit (excluded from ratios)
 * @param serviceLevel       answeredInTime ÷ offered
 * @param asaSeconds         average speed of answer
 * @param ahtSeconds         average handle time (talk plus wrap-up as the router counts it: talk here)
 * @param abandonRate        abandoned ÷ offered
 */
public record QueueStatistics(QueueFigures live, int serviceLevelSeconds, int shortAbandonSeconds,
                              long offered, long answered, long answeredInTime, long abandoned, long shortAbandoned,
                              Double serviceLevel, Double asaSeconds, Double ahtSeconds, Double abandonRate) {
}
