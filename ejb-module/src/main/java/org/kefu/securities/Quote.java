package org.kefu.securities;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A stock's quote with today's price band (orders outside it are refused). */
public record Quote(String code, String name, BigDecimal prevClose, BigDecimal last, BigDecimal limitDown,
                    BigDecimal limitUp, Instant updatedAt) implements Serializable {
}
