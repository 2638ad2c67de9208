package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kefu.telephony.speech.SpokenAmount;
import org.kefu.telephony.speech.SpokenDate;
import org.kefu.telephony.speech.SpokenNumber;

/**
 * The API jar's speech helpers say what the adapter's media.Spoken* say (same cases as the
 * adapter's SpokenTest), and every name they produce is a real prompt in that language.
 */
class SpeechParityTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void sameNamesAsTheAdapter() {
        assertThat(SpokenNumber.cardinal(1005, ZH)).containsExactly("digit-1", "thousand", "digit-0", "digit-5");
        assertThat(SpokenNumber.cardinal(20000, ZH)).containsExactly("digit-2-liang", "wan");
        assertThat(SpokenNumber.cardinal(15, ZH)).containsExactly("ten", "digit-5");
        assertThat(SpokenNumber.cardinal(42, EN)).containsExactly("num-40", "digit-2");
        assertThat(SpokenNumber.digits("13800138000", ZH)).startsWith("digit-1-yao", "digit-3");
        assertThat(SpokenAmount.of(new BigDecimal("128.05"), ZH))
                .containsExactly("digit-1", "hundred", "digit-2", "ten", "digit-8", "yuan", "digit-0", "digit-5", "fen");
        assertThat(SpokenAmount.of(new BigDecimal("128.50"), EN))
                .containsExactly("digit-1", "hundred", "num-20", "digit-8", "yuan", "and", "num-50", "fen");
        assertThat(SpokenDate.of(LocalDate.of(2025, 3, 5), EN)).containsExactly("month-3", "ordinal-5", "num-20", "num-20", "digit-5");
        assertThat(SpokenDate.of(LocalDate.of(2025, 3, 5), ZH))
                .containsExactly("digit-2", "digit-0", "digit-2", "digit-5", "year", "digit-3", "month", "digit-5", "day");
        assertThat(SpokenNumber.isChinese(Locale.forLanguageTag("zh-TW"))).isTrue();
        assertThat(SpokenNumber.isChinese(null)).isFalse();
    }

    @Test
    void everyGeneratedNameIsARecordedPromptOfItsLanguage() {
        for (Locale l : List.of(ZH, EN)) {
            java.util.Set<String> folder = names(l == ZH ? "zh-CN" : "en");
            List<String> all = new java.util.ArrayList<>();
            for (long n : new long[] {0, 2, 12, 15, 20, 99, 100, 1005, 2000, 10100, 20000, 123456789, 1000050000000L, -7}) {
                all.addAll(SpokenNumber.cardinal(n, l));
            }
            all.addAll(SpokenNumber.digits("0123456789", l));
            all.addAll(SpokenNumber.decimal(new BigDecimal("1.5"), l));
            all.addAll(SpokenAmount.of(new BigDecimal("128.05"), l));
            all.addAll(SpokenAmount.of(new BigDecimal("10000"), l));
            for (int d = 1; d <= 31; d++) {
                all.addAll(SpokenDate.of(LocalDate.of(2024, 12, d), l));
            }
            assertThat(folder).as("prompts of %s", l).containsAll(all);
        }
    }

    private static java.util.Set<String> names(String lang) {
        try (var files = java.nio.file.Files.list(Flows.PROMPTS.resolve(lang))) {
            return files.map(p -> p.getFileName().toString().replace(".wav", "")).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
