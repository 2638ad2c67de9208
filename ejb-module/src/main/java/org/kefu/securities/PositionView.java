package org.kefu.securities;

import java.io.Serializable;
import java.math.BigDecimal;

/** Shares held, frozen by pending sells, available to sell; last price for the caller's information. */
public record PositionView(String code, String name, long quantity, long frozen, long available, BigDecimal lastPrice)
        implements Serializable {
}
