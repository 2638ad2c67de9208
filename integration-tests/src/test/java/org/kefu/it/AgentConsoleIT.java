package org.kefu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's workplace in a real browser (issue 7): an agent logs in to the ACD at a desk phone
 * and goes ready (F8), a sipp caller reaches the queue, the screen pop arrives over the websocket
 * while the sipp desk phone rings (the page is not reloaded), the phone answers, the agent
 * transfers blind to another agent's phone and wraps up with a code, and the contact record is
 * read back over REST. Screenshots in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentConsoleIT {

    private static final String PASSWORD = "kefu2026";
    private static final Duration PUSH = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kefuEar();
    }

    private final List<Sipp> sipps = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void hangUpAndLogOut() throws Exception {
        sipps.forEach(Sipp::kill);
        for (String job : agents) {
            long until = System.currentTimeMillis() + 20_000;
            while (rest("POST", "agents/" + job + "/logout", job, null).statusCode() == 409
                    && System.currentTimeMillis() < until) {
                Thread.sleep(300); // a call still ends
            }
        }
    }

    @Test
    void aKnownCallerPopsUpWhileTheDeskPhoneRingsAndTheAgentTransfersAndWrapsUp() throws Exception {
        Sipp deskPhone = deskPhone("8001", "4000");
        Sipp colleaguePhone = deskPhone("8002", "500");
        // 李娜 is logged in (not ready, so the ACD offers her nothing): the transfer target.
        agents.add("1002");
        assertEquals(200, rest("POST", "agents/1002/login", "1002", "{\"extension\":\"8002\"}").statusCode());

        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1001", PASSWORD);
            browser.go("agent/index.xhtml");
            agents.add("1001");
            awaitPushChannel(browser);
            type(browser, "acd:extension", "8001");
            click(browser, "acd:login");
            await(browser, "acd:state", "示忙", PUSH);
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.F8); // the ready shortcut
            await(browser, "acd:state", "就绪", PUSH);
            js(browser, "window.kefuSamePage = 'yes';");
            browser.screenshot("console-1-ready");

            Sipp caller = Sipp.start("caller-waits-for-agent.xml",
                    Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "16000"));
            sipps.add(caller);

            // Pushed while the desk phone rings (it answers after 4 s): no reload, no polling.
            await(browser, "pop:customerName", "张三", PUSH);
            assertEquals("yes", js(browser, "return window.kefuSamePage;"), "the page was not reloaded");
            await(browser, "phone:caller", "13800138000", PUSH);
            await(browser, "phone:queue", "hotline", PUSH);
            await(browser, "pop:vip", "3", PUSH);
            await(browser, "pop:accounts", "6222020000000001", PUSH);
            await(browser, "pop:accounts", "CNY", PUSH); // 张三's balance, read from the ledger
            browser.screenshot("console-2-ringing-screen-pop");

            click(browser, "phone:answer");
            await(browser, "acd:state", "通话中", PUSH);
            await(browser, "phone:callState", "通话中", PUSH);
            browser.screenshot("console-3-talking");
            String callRef = callRefShown(browser);

            select(browser, "phone:transferKind", "AGENT");
            type(browser, "phone:transferTarget", "1002");
            click(browser, "phone:transfer");
            until(browser, d -> {
                String state = d.findElement(By.id("acd:state")).getText();
                return state.contains("话后处理") || state.contains("就绪");
            }, PUSH);
            browser.screenshot("console-4-after-transfer");

            select(browser, "wrap:code", "TRANSFERRED");
            type(browser, "wrap:notes", "客户咨询理财，转李娜");
            click(browser, "wrap:save");
            await(browser, "wrap:info", "联络记录已保存", PUSH);
            await(browser, "acd:state", "就绪", PUSH);
            browser.screenshot("console-5-wrapped-up");

            String records = rest("GET", "contact-records?callRef=" + callRef, "1001", null).body();
            assertTrue(records.contains("\"wrapUpCode\":\"TRANSFERRED\""), records);
            assertTrue(records.contains("\"agent\":\"1001\""), records);
            assertTrue(records.contains("\"phone\":\"13800138000\""), records);
            assertTrue(records.contains("客户咨询理财，转李娜"), records);
            assertTrue(!records.contains("\"customerId\":null"), "张三's customer id is on the record: " + records);

            // The transfer was real: the caller went on talking with 8002, who got the caller's BYE.
            assertEquals(0, caller.await(40), caller.report());
            assertEquals(0, colleaguePhone.await(20), "8002 talked with the caller: " + colleaguePhone.report());
            assertEquals(1, colleaguePhone.received("INVITE"), colleaguePhone.report());
            assertEquals(1, deskPhone.received("INVITE"), deskPhone.report());
        }
    }

    @Test
    void anUnknownCallerShowsTheNumbersRegionAndAPrefilledNewCustomerForm() throws Exception {
        deskPhone("8003", "1000");
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1003", PASSWORD);
            browser.go("agent/index.xhtml");
            agents.add("1003");
            awaitPushChannel(browser);
            type(browser, "acd:extension", "8003");
            click(browser, "acd:login");
            await(browser, "acd:state", "示忙", PUSH);
            click(browser, "acd:ready");
            await(browser, "acd:state", "就绪", PUSH);

            Sipp caller = Sipp.start("caller-waits-for-agent.xml",
                    Map.of("service", "12345", "caller", "075583281234", "key", "1", "talk", "12000"));
            sipps.add(caller);

            await(browser, "pop:region", "广东 深圳", PUSH);
            assertEquals("075583281234", browser.driver().findElement(By.id("pop:newPhone")).getAttribute("value"),
                    "the new-customer form carries the caller's number");
            browser.screenshot("console-6-unknown-caller");

            type(browser, "pop:newName", "陈先生");
            click(browser, "pop:createCustomer");
            await(browser, "pop:customerName", "陈先生", PUSH);
            browser.screenshot("console-7-new-customer");
            assertEquals(0, caller.await(40), caller.report());
        }
    }

    @Test
    void assistedBankingTheCallerTypesThePinOnThePhoneAndTheAgentTransfersMoney() throws Exception {
        deskPhone("8001", "500");
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1001", PASSWORD);
            browser.go("agent/index.xhtml");
            agents.add("1001");
            awaitPushChannel(browser);
            type(browser, "acd:extension", "8001");
            click(browser, "acd:login");
            await(browser, "acd:state", "示忙", PUSH);
            click(browser, "acd:ready");
            await(browser, "acd:state", "就绪", PUSH);

            // 张三 calls; 12 s after pressing 1 it types its PIN 123456 (the agent asks before that).
            Sipp caller = Sipp.start("caller-enters-pin.xml",
                    Map.of("service", "12345", "caller", "13800138000", "key", "1", "pin_after", "12000", "talk", "15000",
                            "pindir", pinPcaps("123456").toString()));
            sipps.add(caller);
            await(browser, "acd:state", "通话中", PUSH);
            select(browser, "bank:account", "6222020000000001");
            click(browser, "bank:askPin");
            String asked;
            try {
                asked = until(browser, d -> {
                    String status = d.findElement(By.id("bank:pinStatus")).getText();
                    String messages = d.findElement(By.id("msgs")).getText();
                    return status.contains("正在输入") || status.contains("已验证") ? "asked" : messages.isBlank() ? null : messages;
                }, PUSH);
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("console-8-pin-entry-failed");
                throw new AssertionError("PIN status: " + browser.driver().findElement(By.id("bank:state")).getText(), e);
            }
            assertEquals("asked", asked, "the caller is asked for the PIN");
            browser.screenshot("console-8-pin-entry");
            String checked = until(browser, d -> {
                String status = d.findElement(By.id("bank:pinStatus")).getText();
                return status.contains("正在输入") ? null : status;
            }, Duration.ofSeconds(40));
            assertEquals("已验证", checked, "the PIN typed on the phone was checked");
            assertTrue(!browser.driver().getPageSource().contains("123456"), "the agent's page never shows the PIN");

            click(browser, "bank:balance");
            String before = await(browser, "bank:balanceText", "CNY", PUSH);
            select(browser, "bank:payee", "6222020000000002");
            type(browser, "bank:amount", "100.00");
            click(browser, "bank:transfer");
            await(browser, "bank:receipt", "流水号", PUSH);
            click(browser, "bank:balance");
            String after = until(browser, d -> {
                String shown = d.findElement(By.id("bank:balanceText")).getText();
                return shown.contains("CNY") && !shown.equals(before) ? shown : null;
            }, PUSH);
            browser.screenshot("console-9-assisted-transfer");
            assertEquals(amountOf(before).subtract(new java.math.BigDecimal("100.00")), amountOf(after), before + " → " + after);
            assertEquals(0, caller.await(60), caller.report());
        }
        String audit = rest("GET", "audit?actor=1001&limit=200", "1006", null).body();
        assertTrue(audit.contains("ASSISTED_PIN_CHECK") && audit.contains("ASSISTED_TRANSFER"), audit);
    }

    /**
     * sipp's DTMF pcaps start each key's event at one fixed RTP timestamp, so "1" for the menu and
     * then "1" as the PIN's first digit would be one event to the receiver (RFC 4733: same
     * timestamp, same press). These copies carry increasing timestamps and sequence numbers, later
     * than any of sipp's own.
     */
    private static java.nio.file.Path pinPcaps(String digits) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pin-pcap-");
        for (int i = 0; i < digits.length(); i++) {
            byte[] bytes = java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of("/usr/share/sip-tester/dtmf_2833_" + digits.charAt(i) + ".pcap"));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            int offset = 24; // pcap file header; records: 16-byte header (little-endian), Ethernet + IPv4 + UDP, RTP
            int n = 0;
            while (offset + 16 <= bytes.length) {
                int length = Integer.reverseBytes(b.getInt(offset + 8));
                int rtp = offset + 16 + 14 + 20 + 8;
                b.putShort(rtp + 2, (short) (40000 + i * 50 + n));
                b.putInt(rtp + 4, 1_000_000 + i * 20_000);
                offset += 16 + length;
                n++;
            }
            java.nio.file.Files.write(dir.resolve("pin_" + i + ".pcap"), bytes);
        }
        return dir;
    }

    private static java.math.BigDecimal amountOf(String balanceText) {
        Matcher m = Pattern.compile("([0-9]+\\.[0-9]{2}) CNY").matcher(balanceText);
        assertTrue(m.find(), balanceText);
        return new java.math.BigDecimal(m.group(1));
    }

    // ------------------------------------------------------------------ helpers

    /** A sipp desk phone: registers from a port, then rings and answers after {@code answerAfter} ms there. */
    private Sipp deskPhone(String ext, String answerAfter) throws Exception {
        int port = Sipp.nextPort();
        Sipp register = Sipp.start("phone-register.xml", Map.of("ext", ext), port);
        assertEquals(0, register.await(20), ext + " registers: " + register.report());
        Sipp phone = Sipp.start("phone-answers.xml", Map.of("ext", ext, "answer_after", answerAfter), port);
        sipps.add(phone);
        return phone;
    }

    /** Waits until the element's text contains {@code text}, across pushed refreshes that replace it. */
    private static String await(Browser browser, String id, String text, Duration timeout) {
        return new WebDriverWait(browser.driver(), timeout).ignoring(StaleElementReferenceException.class).until(d -> {
            String shown = d.findElement(By.id(id)).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    private static <T> T until(Browser browser, ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(browser.driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks an element, finding it again when a pushed refresh replaced it meanwhile. */
    private static void click(Browser browser, String id) {
        retry(() -> browser.waitFor(By.id(id), PUSH).click());
    }

    private static void type(Browser browser, String id, String text) {
        retry(() -> browser.type(By.id(id), text));
    }

    private static void select(Browser browser, String id, String value) {
        retry(() -> new Select(browser.waitFor(By.id(id), PUSH)).selectByValue(value));
    }

    private static void retry(Runnable action) {
        for (int attempt = 0; ; attempt++) {
            try {
                action.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt > 30) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void awaitPushChannel(Browser browser) {
        until(browser, d -> "open".equals(((JavascriptExecutor) d).executeScript(
                "return document.body.getAttribute('data-push');")), PUSH);
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static String callRefShown(Browser browser) {
        String info = await(browser, "wrap:info", "通话", PUSH);
        Matcher m = Pattern.compile("通话\\s+(\\S+)").matcher(info);
        assertTrue(m.find(), info);
        return m.group(1);
    }

    private HttpResponse<String> rest(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
