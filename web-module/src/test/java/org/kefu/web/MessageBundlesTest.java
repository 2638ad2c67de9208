package org.kefu.web;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every screen text exists in both languages: a missing key would show up as ???key??? to a user. */
class MessageBundlesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoEmptyText() throws Exception {
        Properties en = load("/org/kefu/web/messages.properties");
        Properties zh = load("/org/kefu/web/messages_zh_CN.properties");

        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh " + k).isNotBlank());
    }

    @Test
    void chineseTextIsReallyChinese() throws Exception {
        Properties zh = load("/org/kefu/web/messages_zh_CN.properties");
        assertThat(zh.getProperty("login.failed")).isEqualTo("工号或密码错误。");
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
