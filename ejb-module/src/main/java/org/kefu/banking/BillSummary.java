package org.kefu.banking;

import java.io.Serializable;
import java.math.BigDecimal;

/** An unpaid utility bill. */
public record BillSummary(String billNumber, String utilityCustomer, String period, BigDecimal amount) implements Serializable {
}
