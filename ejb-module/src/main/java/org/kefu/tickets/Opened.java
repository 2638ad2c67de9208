package org.kefu.tickets;

/**
 * What opening a ticket did: opened a new one, or found an open ticket of the same customer or
 * number, type and category about much the same within the last days and noted the repeat on it.
 */
public record Opened(Ticket ticket, boolean repeat) {
}
