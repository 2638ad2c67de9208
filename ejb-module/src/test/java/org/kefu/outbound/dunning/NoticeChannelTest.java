package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeChannelTest {

    @Test
    void theCustomersChoiceWinsWhereItCanBeCarriedOut() {
        assertThat(NoticeChannel.choose("EMAIL", "13800138000", "a@example.com"))
                .contains(new NoticeChannel.Address(NoticeChannel.EMAIL, "a@example.com"));
        assertThat(NoticeChannel.choose("SMS", "13800138000", "a@example.com"))
                .contains(new NoticeChannel.Address(NoticeChannel.SMS, "13800138000"));
        // E-mail chosen but no address known: the mobile still gets it.
        assertThat(NoticeChannel.choose("EMAIL", "13800138000", " ")).contains(new NoticeChannel.Address(NoticeChannel.SMS, "13800138000"));
    }

    @Test
    void withoutAChoiceAMobileGetsAnSmsAndOtherwiseTheMailboxGetsAnEmail() {
        assertThat(NoticeChannel.choose(null, "13800138000", "a@example.com")).contains(new NoticeChannel.Address(NoticeChannel.SMS, "13800138000"));
        assertThat(NoticeChannel.choose(null, null, " a@example.com ")).contains(new NoticeChannel.Address(NoticeChannel.EMAIL, "a@example.com"));
        assertThat(NoticeChannel.choose("SMS", null, null)).isEmpty();
    }

    @Test
    void aCustomerWhoChoseCallsIsCalledAndSoIsOneTheWrittenRemindersDidNotMove() {
        assertThat(NoticeChannel.choose("CALL", "13800138000", "a@example.com", "13800138000", false))
                .contains(new NoticeChannel.Address(NoticeChannel.VOICE, "13800138000"));
        // Escalation: whatever was chosen, a call once the written reminders went unheeded.
        assertThat(NoticeChannel.choose("EMAIL", null, "a@example.com", "020-81234567", true))
                .contains(new NoticeChannel.Address(NoticeChannel.VOICE, "020-81234567"));
        // No phone at all: the written channel still serves.
        assertThat(NoticeChannel.choose("CALL", null, "a@example.com", null, true))
                .contains(new NoticeChannel.Address(NoticeChannel.EMAIL, "a@example.com"));
        assertThat(NoticeChannel.choose(null, "13800138000", null, "13800138000", false))
                .contains(new NoticeChannel.Address(NoticeChannel.SMS, "13800138000"));
    }
}
