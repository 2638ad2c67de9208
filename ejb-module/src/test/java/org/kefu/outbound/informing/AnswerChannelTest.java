package org.kefu.outbound.informing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerChannelTest {

    @Test
    void theCustomersChoiceWinsWhereItCanBeCarriedOut() {
        assertThat(AnswerChannel.choose("CALL", "13800138000", "a@example.com", "02088886666"))
                .contains(new AnswerChannel.Address(AnswerChannel.CALL, "02088886666"));
        assertThat(AnswerChannel.choose("EMAIL", "13800138000", " a@example.com ", null))
                .contains(new AnswerChannel.Address(AnswerChannel.EMAIL, "a@example.com"));
        assertThat(AnswerChannel.choose("EMAIL", "13800138000", null, null)).as("no address: SMS instead")
                .contains(new AnswerChannel.Address(AnswerChannel.SMS, "13800138000"));
        assertThat(AnswerChannel.choose("CALL", "13800138000", null, null)).as("nothing to call back: SMS instead")
                .contains(new AnswerChannel.Address(AnswerChannel.SMS, "13800138000"));
    }

    @Test
    void noChoiceAnSmsToAMobileThenAnEmailThenACallBack() {
        assertThat(AnswerChannel.choose(null, "13800138000", "a@example.com", "02088886666"))
                .contains(new AnswerChannel.Address(AnswerChannel.SMS, "13800138000"));
        assertThat(AnswerChannel.choose(null, null, "a@example.com", "02088886666"))
                .contains(new AnswerChannel.Address(AnswerChannel.EMAIL, "a@example.com"));
        assertThat(AnswerChannel.choose(null, " ", "", "02088886666"))
                .contains(new AnswerChannel.Address(AnswerChannel.CALL, "02088886666"));
        assertThat(AnswerChannel.choose("SMS", null, null, null)).isEmpty();
    }
}
