package org.kefu.outbound.informing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTextTest {

    @Test
    void chineseByDefaultWithTheTicketNumberAsDigits() {
        AnswerText t = AnswerText.of(null, 20000123L, "停电", "线路已抢修，\n已于今日复电。");
        assertThat(t.sms()).isEqualTo("【客服中心】您反映的问题（工单20000123）已答复：线路已抢修， 已于今日复电。 如不满意，请来电并提供工单号。");
        assertThat(t.subject()).isEqualTo("客服中心：您的工单20000123已答复");
        assertThat(t.body()).contains("工单20000123“停电”").contains("线路已抢修， 已于今日复电。");
        assertThat(t.callbackReason()).isEqualTo("回电告知工单20000123的答复：线路已抢修， 已于今日复电。");
    }

    @Test
    void englishForAnEnglishReaderAndALongAnswerIsCutInTheSmsOnly() {
        String answer = "x".repeat(300);
        AnswerText t = AnswerText.of("en", 20000124L, "Meter", answer);
        assertThat(t.sms()).startsWith("[客服中心] Your request 20000124 has been answered: " + "x".repeat(59) + "…");
        assertThat(t.subject()).isEqualTo("客服中心: your request 20000124 has been answered");
        assertThat(t.body()).contains(answer);
        assertThat(t.callbackReason()).hasSize(200).endsWith("…");
    }
}
