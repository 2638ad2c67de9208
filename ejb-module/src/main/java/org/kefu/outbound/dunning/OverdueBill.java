package org.kefu.outbound.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An unpaid utility bill past its due date, as the ledger holds it. */
record OverdueBill(String billNumber, String utilityCustomer, String period, BigDecimal amount, LocalDate dueDate) {
}
