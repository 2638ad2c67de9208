package org.kefu.telephony.media;

import org.junit.jupiter.api.Test;
import org.kefu.telephony.speech.SpokenAmount;
import org.kefu.telephony.speech.SpokenDate;
import org.kefu.telephony.speech.SpokenNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The speaking rules live in the API jar; the adapter must have a recording for every word they use. */
class SpokenPromptsExistTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    /** Every prompt name the Spoken* classes can produce must exist as a WAV in that language. */
    @Test
    void everyGeneratedPromptExists() {
        PromptLibrary lib = PromptLibrary.standard(null);
        List<String> all = new ArrayList<>();
        for (Locale l : List.of(ZH, EN)) {
            all.clear();
            for (long n : new long[] {0, 2, 12, 15, 20, 99, 100, 1005, 2000, 10100, 20000, 123456789, 1000050000000L, -7}) {
                all.addAll(SpokenNumber.cardinal(n, l));
            }
            all.addAll(SpokenNumber.digits("0123456789", l));
            all.addAll(SpokenNumber.decimal(new BigDecimal("1.5"), l));
            all.addAll(SpokenAmount.of(new BigDecimal("128.05"), l));
            all.addAll(SpokenAmount.of(new BigDecimal("10000"), l));
            for (int m = 1; m <= 12; m++) {
                all.addAll(SpokenDate.of(LocalDate.of(2025, m, 28), l));
            }
            for (int d = 1; d <= 31; d++) {
                all.addAll(SpokenDate.of(LocalDate.of(2024, 1, d), l));
            }
            for (String p : all) {
                assertThat(lib.exists(p, l)).as("%s in %s", p, l).isTrue();
            }
        }
    }
}
