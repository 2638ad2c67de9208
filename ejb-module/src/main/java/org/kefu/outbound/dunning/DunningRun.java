package org.kefu.outbound.dunning;

/**
 * What one dunning run found and did: bills overdue; reminders queued; bills left alone because
 * one was sent within the interval (or today), because the bill has had its most reminders, or
 * because no customer with a mobile or an e-mail address is known for it.
 */
public record DunningRun(int overdue, int queued, int recentlyReminded, int limitReached, int noContact) {
}
