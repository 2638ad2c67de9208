package org.kefu.banking;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON of a message to the back office about a completed operation (schema in the README,
 * "Back-office messages"). Amounts are strings with two decimals, never JSON numbers, so that no
 * consumer ever sees a binary floating-point value of money.
 */
final class BackOfficeEvent {

    private BackOfficeEvent() {
    }

    static JsonObjectBuilder of(String type, String reference, OperationContext ctx) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", type)
                .add("reference", reference)
                .add("idempotencyKey", ctx.idempotencyKey())
                .add("channel", ctx.channel().name())
                .add("at", Instant.now().toString());
        if (ctx.callId() != null) {
            b.add("callId", ctx.callId());
        }
        if (ctx.agent() != null) {
            b.add("agent", ctx.agent());
        }
        return b;
    }

    static String amount(BigDecimal amount) {
        return amount.toPlainString();
    }
}
