package org.kefu.securities;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** An order as the customer may hear it: SUBMITTED, FILLED (with price and fee) or REJECTED (with reason). */
public record OrderView(String orderRef, String accountId, String branchCode, Side side, String code, BigDecimal price,
                        long quantity, String status, BigDecimal fillPrice, Long fillQuantity, BigDecimal fee,
                        String rejectReason, Instant createdAt, Instant closedAt) implements Serializable {
}
