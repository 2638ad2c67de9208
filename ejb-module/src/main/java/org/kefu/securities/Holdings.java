package org.kefu.securities;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Funds and positions of a securities account: cash, cash frozen by pending buys, available cash. */
public record Holdings(String accountId, String branchCode, String holderName, BigDecimal cash, BigDecimal frozenCash,
                       BigDecimal availableCash, List<PositionView> positions) implements Serializable {
}
