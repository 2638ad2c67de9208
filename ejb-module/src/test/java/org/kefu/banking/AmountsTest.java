package org.kefu.banking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsTest {

    @Test
    void anAmountIsScaledToFen() throws Exception {
        assertThat(Amounts.checked(new BigDecimal("100"))).isEqualByComparingTo("100.00").hasScaleOf(2);
        assertThat(Amounts.checked(new BigDecimal("0.01"))).hasScaleOf(2);
        assertThat(Amounts.checked(new BigDecimal("12.500"))).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void negativeZeroFractionalFenAndAbsurdAmountsAreRefused() {
        for (String bad : new String[] {"0", "0.00", "-1.00", "0.001", "1000000000.00", "1e12"}) {
            assertThatThrownBy(() -> Amounts.checked(new BigDecimal(bad)))
                    .isInstanceOfSatisfying(BankingException.class, e -> assertThat(e.getError()).isEqualTo(BankingError.INVALID_AMOUNT));
        }
        assertThatThrownBy(() -> Amounts.checked(null)).isInstanceOf(BankingException.class);
    }

    @Test
    void cardNumbersAreMaskedInMessages() {
        assertThat(BankingServiceBean.masked("6222020000000001")).isEqualTo("6222********0001");
    }
}
