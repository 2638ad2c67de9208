package org.kefu.outbound;

/**
 * A callback reached the customer and {@code agent} talked to them (fired in that transaction):
 * whoever asked for it by {@code requestKey} ("ticket:…" for a ticket's answer) may now count the
 * customer as told.
 */
public record CallbackAnswered(String requestKey, String agent) {
}
