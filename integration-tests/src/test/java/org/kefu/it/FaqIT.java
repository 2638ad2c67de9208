package org.kefu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base in a real browser: an administrator writes an article in both
 * languages (a missing translation refused inline), an agent working in English finds it by its
 * Chinese keyword and one in Chinese by its English keyword, a retired article is found no more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);


    @Deployment(name = "sql-probe", order = 2, testable = false)
    static WebArchive probe() {
        return SqlProbeClient.war();
    }

    @Test
    void anAdminWritesAnArticleAndAgentsFindItByAKeywordInTheOtherLanguage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String titleZh = "信用卡境外盗刷怎么办" + tag;
        String titleEn = "Card used fraudulently abroad " + tag;
        String keywordZh = "境外盗刷" + tag;
        String keywordEn = "skimming" + tag;

        try (Browser admin = Browser.open("zh-CN")) {
            admin.signIn("1006", "kefu2026");
            admin.go("admin/faq.xhtml");
            admin.waitFor(By.id("faq:new"), WAIT).click();
            admin.waitFor(By.id("faq:edit-titleZh"), WAIT);
            new Select(admin.driver().findElement(By.id("faq:edit-category"))).selectByValue("CARDS");
            admin.type(By.id("faq:edit-titleZh"), titleZh);
            admin.type(By.id("faq:edit-bodyZh"), "立即致电95500冻结卡片，保留消费短信，并向发卡行提交争议交易申请。");
            admin.type(By.id("faq:edit-keywords"), keywordZh + "，" + keywordEn);
            admin.driver().findElement(By.id("faq:save")).click();
            // No English yet: refused, the missing fields marked.
            Waits.forText(admin, By.id("faq:editor"), "必填", WAIT);
            assertThat(SqlProbeClient.value("SELECT COUNT(*) FROM faq_article WHERE title_zh = ?", titleZh)).isEqualTo("0");

            admin.type(By.id("faq:edit-titleEn"), titleEn);
            admin.type(By.id("faq:edit-bodyEn"), "Call 95500 at once to block the card, keep the SMS alerts and file a dispute with the issuing bank.");
            admin.driver().findElement(By.id("faq:save")).click();
            Waits.forText(admin, By.id("faq:msgs"), "文章已保存", WAIT);
            Waits.forText(admin, By.id("faq:list"), titleZh, WAIT);
            admin.screenshot("faq-admin-saved");
        }
        String id = SqlProbeClient.value("SELECT id FROM faq_article WHERE title_zh = ?", titleZh);
        assertThat(SqlProbeClient.value("SELECT category || '|' || status || '|' || updated_by || '|' || keywords FROM faq_article WHERE id = CAST(? AS BIGINT)", id))
                .isEqualTo("CARDS|ACTIVE|1006|" + keywordZh + ", " + keywordEn);
        assertThat(SqlProbeClient.value("SELECT actor FROM audit_event WHERE action = 'FAQ_CREATE' AND target = ?", "faq:" + id)).isEqualTo("1006");

        try (Browser agent = Browser.open("en")) {
            agent.signIn("1002", "kefu2026");
            agent.go("agent/faq.xhtml");
            agent.type(By.id("faq:text"), keywordZh);
            agent.driver().findElement(By.id("faq:go")).click();
            String found = Waits.forText(agent, By.id("faq:results"), titleEn, WAIT);
            assertThat(found).contains("block the card").contains(titleZh);
            agent.screenshot("faq-agent-found");
        }
        try (Browser agent = Browser.open("zh-CN")) {
            agent.signIn("1001", "kefu2026");
            agent.go("agent/faq.xhtml");
            agent.type(By.id("faq:text"), keywordEn.toUpperCase());
            agent.driver().findElement(By.id("faq:go")).click();
            assertThat(Waits.forText(agent, By.id("faq:results"), titleZh, WAIT)).contains("冻结卡片");
            // A demo article, by a word of its English text, from the Chinese screen.
            agent.type(By.id("faq:text"), "stamp duty");
            agent.driver().findElement(By.id("faq:go")).click();
            Waits.forText(agent, By.id("faq:results"), "证券交易时间与委托规则", WAIT);
        }

        try (Browser admin = Browser.open("zh-CN")) {
            admin.signIn("1006", "kefu2026");
            admin.go("admin/faq.xhtml");
            admin.type(By.id("faq:filter"), tag);
            admin.driver().findElement(By.id("faq:find")).click();
            Waits.until(admin, d -> d.findElements(By.cssSelector("#faq\\:list tbody tr")).size() == 1
                    && d.findElement(By.id("faq:list")).getText().contains(titleZh), WAIT);
            admin.driver().findElement(By.id("faq:list:0:retire")).click();
            Waits.forText(admin, By.id("faq:msgs"), "文章已停用", WAIT);
        }
        assertThat(SqlProbeClient.value("SELECT status FROM faq_article WHERE id = CAST(? AS BIGINT)", id)).isEqualTo("RETIRED");
        try (Browser agent = Browser.open("en")) {
            agent.signIn("1002", "kefu2026");
            agent.go("agent/faq.xhtml");
            agent.type(By.id("faq:text"), keywordZh);
            agent.driver().findElement(By.id("faq:go")).click();
            Waits.forText(agent, By.id("faq:results"), "No article found", WAIT);
        }
    }
}
