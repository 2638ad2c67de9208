package org.kefu.securities;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.math.BigDecimal;

/** What a branch's trading system needs to know of an order, whatever the protocol. */
public record BranchOrder(String orderRef, String branchCode, String accountId, Side side, String code, BigDecimal price,
                          long quantity) implements Serializable {

    /** The JSON of the JMS protocol (README, "Branch protocols"). */
    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("type", "order")
                .add("orderRef", orderRef)
                .add("branch", branchCode)
                .add("account", accountId)
                .add("side", side.name())
                .add("code", code)
                .add("price", price.toPlainString())
                .add("quantity", quantity)
                .build();
    }
}
