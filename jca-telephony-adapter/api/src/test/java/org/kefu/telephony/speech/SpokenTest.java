package org.kefu.telephony.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spoken forms are checked as Chinese text (each prompt name mapped back to its character) so
 * the expectations read like what the caller hears.
 */
class SpokenTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private static final Map<String, String> HANZI = Map.ofEntries(
            Map.entry("digit-0", "零"), Map.entry("digit-1", "一"), Map.entry("digit-2", "二"),
            Map.entry("digit-3", "三"), Map.entry("digit-4", "四"), Map.entry("digit-5", "五"),
            Map.entry("digit-6", "六"), Map.entry("digit-7", "七"), Map.entry("digit-8", "八"),
            Map.entry("digit-9", "九"), Map.entry("digit-1-yao", "幺"), Map.entry("digit-2-liang", "两"),
            Map.entry("ten", "十"), Map.entry("hundred", "百"), Map.entry("thousand", "千"),
            Map.entry("wan", "万"), Map.entry("yi", "亿"), Map.entry("point", "点"), Map.entry("minus", "负"),
            Map.entry("yuan", "元"), Map.entry("jiao", "角"), Map.entry("fen", "分"), Map.entry("zheng", "整"),
            Map.entry("year", "年"), Map.entry("month", "月"), Map.entry("day", "日"));

    static String zh(List<String> prompts) {
        StringBuilder sb = new StringBuilder();
        for (String p : prompts) {
            String h = HANZI.get(p);
            assertThat(h).as("unknown zh prompt %s", p).isNotNull();
            sb.append(h);
        }
        return sb.toString();
    }

    /** English prompt names back to words: digit-5 five, num-20 twenty, month-3 March ... */
    static String en(List<String> prompts) {
        String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        List<String> words = new ArrayList<>();
        for (String p : prompts) {
            if (p.startsWith("digit-")) {
                words.add(ones[Integer.parseInt(p.substring(6))]);
            } else if (p.startsWith("num-")) {
                int n = Integer.parseInt(p.substring(4));
                words.add(n < 20 ? teens[n - 10] : tens[n / 10]);
            } else if (p.startsWith("month-")) {
                words.add(java.time.Month.of(Integer.parseInt(p.substring(6))).getDisplayName(
                        java.time.format.TextStyle.FULL, Locale.ENGLISH));
            } else if (p.startsWith("ordinal-")) {
                words.add("#" + p.substring(8));
            } else {
                words.add(p);
            }
        }
        return String.join(" ", words);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 零", "1, 一", "10, 十", "11, 十一", "15, 十五", "20, 二十", "99, 九十九", "100, 一百",
        "101, 一百零一", "110, 一百一十", "115, 一百一十五", "200, 二百", "1000, 一千", "1005, 一千零五",
        "1010, 一千零一十", "1100, 一千一百", "2000, 两千", "2222, 两千二百二十二", "9999, 九千九百九十九",
        "10000, 一万", "10001, 一万零一", "10010, 一万零一十", "10100, 一万零一百", "11000, 一万一千",
        "20000, 两万", "22000, 两万两千", "100000, 十万", "100010, 十万零一十", "110000, 十一万",
        "120000, 十二万", "1000000, 一百万", "1001000, 一百万一千", "1000100, 一百万零一百",
        "10000000, 一千万", "100000000, 一亿", "100000001, 一亿零一", "100010000, 一亿零一万",
        "200000000, 两亿", "1234567890, 十二亿三千四百五十六万七千八百九十",
        "1000000000000, 一万亿", "1000050000000, 一万亿零五千万"
    })
    void mandarinCardinals(long n, String expected) {
        assertThat(zh(SpokenNumber.cardinal(n, ZH))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, zero", "7, seven", "13, thirteen", "20, twenty", "42, forty two", "100, one hundred",
        "105, one hundred five", "128, one hundred twenty eight", "1000, one thousand",
        "1005, one thousand five", "10000, ten thousand", "21000, twenty one thousand",
        "1000000, one million", "2000001, two million one", "1234567, one million two hundred thirty four thousand five hundred sixty seven",
        "3000000000, three billion"
    })
    void englishCardinals(long n, String expected) {
        assertThat(en(SpokenNumber.cardinal(n, EN))).isEqualTo(expected);
    }

    @Test
    void negativeAndTooLarge() {
        assertThat(zh(SpokenNumber.cardinal(-15, ZH))).isEqualTo("负十五");
        assertThat(en(SpokenNumber.cardinal(-3, EN))).isEqualTo("minus three");
        assertThatThrownBy(() -> SpokenNumber.cardinal(Long.MAX_VALUE, ZH)).isInstanceOf(IllegalArgumentException.class);
        assertThat(zh(SpokenNumber.cardinal(SpokenNumber.MAX, ZH))).startsWith("九千九百九十九万").endsWith("九千九百九十九");
    }

    @Test
    void decimals() {
        assertThat(zh(SpokenNumber.decimal(new BigDecimal("3.14"), ZH))).isEqualTo("三点一四");
        assertThat(zh(SpokenNumber.decimal(new BigDecimal("10.50"), ZH))).isEqualTo("十点五");
        assertThat(zh(SpokenNumber.decimal(new BigDecimal("0.01"), ZH))).isEqualTo("零点零一");
        assertThat(zh(SpokenNumber.decimal(new BigDecimal("-2.5"), ZH))).isEqualTo("负二点五");
        assertThat(en(SpokenNumber.decimal(new BigDecimal("12.75"), EN))).isEqualTo("twelve point seven five");
        assertThat(en(SpokenNumber.decimal(new BigDecimal("8.00"), EN))).isEqualTo("eight");
    }

    @Test
    void digitStringsReadOneByOneWithYaoInChinese() {
        assertThat(zh(SpokenNumber.digits("6222020000000001", ZH))).isEqualTo("六二二二零二零零零零零零零零零幺");
        assertThat(zh(SpokenNumber.digits("13800138000", ZH))).isEqualTo("幺三八零零幺三八零零零");
        assertThat(en(SpokenNumber.digits("600000", EN))).isEqualTo("six zero zero zero zero zero");
        assertThatThrownBy(() -> SpokenNumber.digits("12a4", ZH)).hasMessageContaining("position 2").hasMessageNotContaining("12a4");
        assertThat(SpokenNumber.digits("", EN)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "10000.00, 一万元整", "128.50, 一百二十八元五角", "128.05, 一百二十八元零五分", "128.55, 一百二十八元五角五分",
        "0.50, 五角", "0.05, 五分", "0.00, 零元整", "10, 十元整", "100.50, 一百元五角", "2000.00, 两千元整",
        "1005.3, 一千零五元三角", "100000.01, 十万元零一分", "0.999, 一元整", "-20.00, 负二十元整"
    })
    void mandarinAmounts(String amount, String expected) {
        assertThat(zh(SpokenAmount.of(new BigDecimal(amount), ZH))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "10000.00, ten thousand yuan", "128.50, one hundred twenty eight yuan and fifty fen",
        "0.50, fifty fen", "0.05, five fen", "0, zero yuan", "1.01, one yuan and one fen",
        "2000, two thousand yuan"
    })
    void englishAmounts(String amount, String expected) {
        assertThat(en(SpokenAmount.of(new BigDecimal(amount), EN))).isEqualTo(expected);
    }

    @Test
    void dates() {
        assertThat(zh(SpokenDate.of(LocalDate.of(2025, 3, 5), ZH))).isEqualTo("二零二五年三月五日");
        assertThat(zh(SpokenDate.of(LocalDate.of(2011, 12, 31), ZH))).isEqualTo("二零一一年十二月三十一日");
        assertThat(zh(SpokenDate.of(LocalDate.of(2000, 10, 20), ZH))).isEqualTo("二零零零年十月二十日");
        assertThat(en(SpokenDate.of(LocalDate.of(2025, 3, 5), EN))).isEqualTo("March #5 twenty twenty five");
        assertThat(en(SpokenDate.of(LocalDate.of(2005, 1, 21), EN))).isEqualTo("January #21 two thousand five");
        assertThat(en(SpokenDate.of(LocalDate.of(1999, 12, 1), EN))).isEqualTo("December #1 nineteen ninety nine");
        assertThat(en(SpokenDate.of(LocalDate.of(1900, 6, 30), EN))).isEqualTo("June #30 nineteen hundred");
        assertThat(en(SpokenDate.of(LocalDate.of(2010, 6, 30), EN))).isEqualTo("June #30 twenty ten");
    }
}
