package org.kefu.banking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of a mini-statement, newest first; balanceAfter is the balance right after it. */
public record StatementLine(Instant postedAt, String kind, String description, BigDecimal amount,
                            BigDecimal balanceAfter) implements Serializable {
}
