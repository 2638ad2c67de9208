package org.kefu.tickets;

/**
 * A ticket was answered (fired in the answering transaction): whoever informs the customer, by
 * their preference, observes it. {@code round} is the ticket's reopen count, so that the answer
 * after a reopening is told again and a stale notice is recognised.
 */
public record TicketAnswered(long ticket, int round, Long customerId, String callerPhone, String subject, String answer) {
}
