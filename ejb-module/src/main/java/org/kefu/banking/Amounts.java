package org.kefu.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the bank counts it: CNY, two decimals, positive, and within reason. */
final class Amounts {

    /** No phone-channel movement comes near this; anything above is a typo or an attack. */
    static final BigDecimal ABSURD = new BigDecimal("1000000000.00");

    private Amounts() {
    }

    static BigDecimal checked(BigDecimal amount) throws BankingException {
        if (amount == null) {
            throw new BankingException(BankingError.INVALID_AMOUNT, "amount missing");
        }
        if (amount.signum() <= 0) {
            throw new BankingException(BankingError.INVALID_AMOUNT, "amount must be positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new BankingException(BankingError.INVALID_AMOUNT, "amount has more than two decimals (fen)");
        }
        if (amount.compareTo(ABSURD) >= 0) {
            throw new BankingException(BankingError.INVALID_AMOUNT, "amount is out of range");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
