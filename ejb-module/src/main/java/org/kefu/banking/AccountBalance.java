package org.kefu.banking;

import java.io.Serializable;
import java.math.BigDecimal;

/** Ledger balance, what is held for pending operations, and what is available to spend. */
public record AccountBalance(String accountNumber, String currency, BigDecimal balance, BigDecimal held,
                             BigDecimal available, String status) implements Serializable {
}
