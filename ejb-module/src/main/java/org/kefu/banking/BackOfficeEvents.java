package org.kefu.banking;

import jakarta.json.JsonObject;

/**
 * Where banking and securities publish their events for the bank's back office (a completed
 * transfer, a paid bill, a frozen account, a filled order...). Banking owns this port and
 * {@code org.kefu.backoffice.BackOfficeOutbound} implements it (queue kefu.backoffice.out, inside the
 * caller's JTA transaction: the event leaves if and only if the change it reports commits), so that
 * banking depends on nothing above it.
 */
public interface BackOfficeEvents {

    /** Sends {@code body} (its "type" becomes the message's kefu_type) with this correlation id (may be null). */
    void send(JsonObject body, String correlationId);
}
