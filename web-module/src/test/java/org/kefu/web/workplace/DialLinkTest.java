package org.kefu.web.workplace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialLinkTest {

    @Test
    void spacesAndDashesAreDropped() {
        assertThat(DialLink.number("138-0013 8000")).isEqualTo("13800138000");
        assertThat(DialLink.number("+86 10 1234")).isEqualTo("+86101234");
        assertThat(DialLink.number("*#")).isEqualTo("*#");
    }

    @Test
    void whatIsNoPhoneNumberPrefillsNothing() {
        assertThat(DialLink.number(null)).isNull();
        assertThat(DialLink.number("")).isNull();
        assertThat(DialLink.number("1")).isNull();
        assertThat(DialLink.number("1234x")).isNull();
        assertThat(DialLink.number("<script>")).isNull();
        assertThat(DialLink.number("1".repeat(33))).isNull();
    }
}
