package org.kefu.ivr.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DunningOperationsTest {

    @Test
    void aPromisedDateIsEightDigitsOfARealDay() {
        assertThat(DunningOperations.dateOf("20261220")).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(DunningOperations.dateOf("20280229")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(DunningOperations.dateOf("20270229")).isNull(); // not a leap year
        assertThat(DunningOperations.dateOf("20261399")).isNull();
        assertThat(DunningOperations.dateOf("2026122")).isNull();
        assertThat(DunningOperations.dateOf("2026-12-2")).isNull();
        assertThat(DunningOperations.dateOf(null)).isNull();
    }
}
