package org.kefu.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent console (agent/index.xhtml) as a page object: what an agent does there (log in at a
 * desk, go ready, answer, transfer, consult, conference, wrap up, dial, press keys) and what the
 * page shows, in terms of the agent's work rather than element ids. PrimeFaces replaces elements
 * on every pushed update, so every action finds its element again when it went stale.
 */
final class AgentConsole implements AutoCloseable {

    static final Duration PUSH = Duration.ofSeconds(20);
    private static final String PASSWORD = "kefu2026";

    private final Browser browser;

    private AgentConsole(Browser browser) {
        this.browser = browser;
    }

    /** A new headless Chromium in the given language ("zh-CN", "en"); nobody signed in yet. */
    static AgentConsole open(String language) throws Exception {
        return new AgentConsole(Browser.open(language));
    }

    Browser browser() {
        return browser;
    }

    /** Signs the agent in and opens the console (optionally with a query, "?dial=..."), push channel open. */
    AgentConsole signInAndOpen(String job, String query) {
        browser.signIn(job, PASSWORD);
        browser.go("agent/index.xhtml" + query);
        awaitPushChannel();
        return this;
    }

    /** Logs in to the ACD at the desk phone: the agent is then not ready. */
    void logInAt(String extension) {
        type("acd:extension", extension);
        click("acd:login");
        until(d -> {
            String state = d.findElement(By.id("acd:state")).getText();
            return state.contains("示忙") || state.contains("Not ready");
        }, PUSH);
    }

    /** Goes ready with the button. */
    void ready() {
        click("acd:ready");
        until(d -> {
            String state = d.findElement(By.id("acd:state")).getText();
            return state.equals("就绪") || state.equals("Ready");
        }, PUSH);
    }

    /** Signs in, logs in to the ACD at the desk phone and goes ready. */
    void readyAt(String job, String extension) {
        signInAndOpen(job, "");
        logInAt(extension);
        ready();
    }

    /** Waits until the agent's ACD state (the state badge) reads {@code text}. */
    String awaitState(String text) {
        return await("acd:state", text, PUSH);
    }

    /** Waits until the call has left the agent: wrap-up, or ready again. */
    void awaitCallLeft() {
        until(d -> {
            String state = d.findElement(By.id("acd:state")).getText();
            return state.contains("话后处理") || state.contains("就绪") || state.contains("Wrap-up") || state.contains("Ready");
        }, PUSH);
    }

    void answer() {
        click("phone:answer");
    }

    void hangUp() {
        click("phone:hangup");
    }

    /** Blind transfer to an agent ("AGENT", job number) or a queue ("QUEUE", code). */
    void transfer(String kind, String target) {
        select("phone:transferKind", kind);
        type("phone:transferTarget", target);
        click("phone:transfer");
    }

    /** Consultation: the caller waits on hold while the agent talks to the target. */
    void consult(String kind, String target) {
        select("phone:transferKind", kind);
        type("phone:transferTarget", target);
        click("phone:consult");
    }

    /** Completes the consultation as a transfer. */
    void completeTransfer() {
        click("phone:complete");
    }

    void alternate() {
        click("phone:alternate");
    }

    void conference() {
        click("phone:conference");
    }

    /** Dials the number in the dial field (prefilled by ?dial=...). */
    void dial() {
        click("phone:dial");
    }

    /** Presses a key of the keypad (1-9, *, 0, #): sent to the call as an RFC 4733 digit. */
    void press(String key) {
        click("phone:keys:" + "123456789*0#".indexOf(key) + ":key");
    }

    /** Chooses the wrap-up code, writes the notes (when not null) and saves the contact record. */
    void wrapUp(String code, String notes) {
        select("wrap:code", code);
        if (notes != null) {
            type("wrap:notes", notes);
        }
        click("wrap:save");
    }

    /** The call reference the wrap-up panel shows for the current call. */
    String callRef() {
        String info = await("wrap:info", "通话", PUSH);
        Matcher m = Pattern.compile("通话\\s+(\\S+)").matcher(info);
        assertTrue(m.find(), info);
        return m.group(1);
    }

    /** Waits until the push channel (WebSocket) is open: later pushes reach the page. */
    void awaitPushChannel() {
        until(d -> "open".equals(((JavascriptExecutor) d).executeScript(
                "return document.body.getAttribute('data-push');")), PUSH);
    }

    /** Waits until the element's text contains {@code text}, across pushed refreshes that replace it. */
    String await(String id, String text, Duration timeout) {
        return new WebDriverWait(browser.driver(), timeout).ignoring(StaleElementReferenceException.class).until(d -> {
            String shown = d.findElement(By.id(id)).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    <T> T until(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(browser.driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    String text(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.driver().findElement(By.id(id)).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt > 30) {
                    throw e;
                }
            }
        }
    }

    /** Clicks an element, finding it again when a pushed refresh replaced it meanwhile. */
    void click(String id) {
        retry(() -> browser.waitFor(By.id(id), PUSH).click());
    }

    void type(String id, String text) {
        retry(() -> browser.type(By.id(id), text));
    }

    void select(String id, String value) {
        retry(() -> new Select(browser.waitFor(By.id(id), PUSH)).selectByValue(value));
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    void screenshot(String name) throws java.io.IOException {
        browser.screenshot(name);
    }

    /** A test's steps, which may throw. */
    interface Steps {
        void run() throws Exception;
    }

    /** Runs the steps; when one fails, the page as it was goes to target/screenshots/{name}-failed.png. */
    void shootOnFailure(String name, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            try {
                browser.screenshot(name + "-failed");
            } catch (RuntimeException | java.io.IOException shotFailed) {
                e.addSuppressed(shotFailed);
            }
            throw e;
        }
    }

    static void retry(Runnable action) {
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

    @Override
    public void close() {
        browser.close();
    }
}
