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
}
