package org.kefu.it;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.function.Function;

/** Waits that survive PrimeFaces replacing the element under them (an ajax update). */
final class Waits {

    private Waits() {
    }

    /** Waits until the element's text contains {@code text}; returns that text. */
    static String forText(Browser browser, By by, String text, Duration timeout) {
        return until(browser, d -> {
            String shown = d.findElement(by).getText();
            return shown.contains(text) ? shown : null;
        }, timeout);
    }

    static <T> T until(Browser browser, Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(browser.driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }
}
