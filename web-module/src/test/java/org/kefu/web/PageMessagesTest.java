package org.kefu.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup half of PageMessages (the page half needs a FacesContext: the browser tests cover it). */
class PageMessagesTest {

    @Test
    void aTextIsInTheAskedLanguage() {
        assertThat(PageMessages.text(Locale.ENGLISH, "login.failed")).isEqualTo("Wrong job number or password.");
        assertThat(PageMessages.text(Locale.SIMPLIFIED_CHINESE, "login.failed")).isEqualTo("工号或密码错误。");
    }

    @Test
    void argumentsFillThePattern() {
        assertThat(PageMessages.text(Locale.ENGLISH, "login.delayed", 30))
                .isEqualTo("Wrong job number or password. Too many attempts: try again in 30 s.");
        assertThat(PageMessages.text(Locale.SIMPLIFIED_CHINESE, "login.delayed", 30))
                .isEqualTo("工号或密码错误。尝试次数过多，请 30 秒后再试。");
    }

    @Test
    void aMissingKeyShowsTheKeyInsteadOfFailingThePage() {
        assertThat(PageMessages.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }
}
