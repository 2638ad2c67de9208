package org.kefu.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser harness itself: a real Chromium signs in to the deployed console. */
@org.junit.jupiter.api.Tag("database-neutral") // no database involved: .ci/run runs it on H2 only
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserSmokeIT {


    @Test
    void chromiumSignsInAndSeesTheAgentsName() throws Exception {
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1001", "kefu2026");
            browser.waitForText(By.tagName("body"), "王芳", Duration.ofSeconds(15));
            assertTrue(Files.size(browser.screenshot("smoke-agent-home")) > 1000, "a screenshot was written");
        }
    }
}
