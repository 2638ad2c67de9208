package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTextTest {

    private static final LocalDate DUE = LocalDate.of(2026, 2, 15);

    @Test
    void aChineseCustomerReadsTheAmountTheDueDateAndTheBillInChinese() {
        NoticeText text = NoticeText.of("zh-CN", "张三", "2026-01", new BigDecimal("128.5"), DUE, "B-U100001-2026-01");
        assertThat(text.sms()).isEqualTo("【客服中心】尊敬的张三：您2026-01期账单B-U100001-2026-01共128.50元已于2026-02-15到期，尚未缴纳，请尽快缴费。如已缴费请忽略。");
        assertThat(text.subject()).isEqualTo("客服中心：您2026-01期账单已逾期");
        assertThat(text.body()).startsWith("张三您好：\n\n").contains("共128.50元已于2026-02-15到期");
    }

    @Test
    void anEnglishCustomerReadsEnglishWhateverTheServersOwnLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            NoticeText text = NoticeText.of("en", "Li Si", "2026-10", new BigDecimal("86.20"), LocalDate.of(2026, 11, 15), "B-U100002-2026-10");
            assertThat(text.sms()).startsWith("客服中心: Dear Li Si, your bill B-U100002-2026-10 for 2026-10 of 86.20 yuan was due on 2026-11-15");
            assertThat(text.subject()).isEqualTo("客服中心: your bill for 2026-10 is overdue");
            assertThat(text.body()).contains("86.20 yuan, was due on 2026-11-15");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aLargeAmountIsWrittenPlainWithoutGroupingOrExponent() {
        NoticeText text = NoticeText.of("zh-CN", "王五", "2026-03", new BigDecimal("1E+4"), DUE, "B-1");
        assertThat(text.sms()).contains("共10000.00元");
    }
}
