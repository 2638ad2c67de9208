package org.kefu.outbound.dunning;

/**
 * What one dunning run found and did: bills overdue; reminders queued; bills left alone because
 * one was sent within the interval (or today), because the bill has had its most reminders,
 * because no customer with a mobile or an e-mail address is known for it, or because the customer
 * promised in a reminder's call to pay by a date not yet past.
 */
public record DunningRun(int overdue, int queued, int recentlyReminded, int limitReached, int noContact, int promised) {
}
