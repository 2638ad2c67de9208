package org.kefu.securities;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * An accepted order: its reference, the branch and protocol it went to, what it froze (cash for
 * a buy, shares for a sell), and whether this answer is a replay of an earlier identical request.
 */
public record OrderReceipt(String orderRef, String branchCode, String protocol, Side side, String code, BigDecimal price,
                           long quantity, BigDecimal frozenCash, long frozenShares, String idempotencyKey, boolean replayed)
        implements Serializable {
}
