package org.kefu.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real browser for screen tests: Debian's headless Chromium driven through its chromedriver
 * (both installed by {@code tools/ensure-test-tools.sh}, which the build runs before the integration tests). Screenshots go to
 * {@code target/screenshots/} and are kept as test artifacts.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts headless Chromium (language {@code lang}, e.g. "en" or "zh-CN") at the console's base URL. */
    static Browser open(String lang) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=" + lang);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), Deployments.baseUrl());
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the console, {@code path} relative to {@code /kefu/}. */
    void go(String path) {
        driver.get(base + path);
    }

    /** Signs in on the console's sign-in page as a person would. */
    void signIn(String jobNumber, String password) {
        go("login.xhtml");
        type(By.id("login:jobNumber"), jobNumber);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:submit")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("login.xhtml"), Duration.ofSeconds(15));
    }

    void type(By by, String text) {
        WebElement element = waitFor(by, Duration.ofSeconds(10));
        element.clear();
        element.sendKeys(text);
    }

    WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    <T> T waitUntil(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Waits until the element's visible text contains {@code text}; returns that text. */
    String waitForText(By by, String text, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            String shown = d.findElement(by).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    /** Saves a PNG of the page as target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String firstExisting(String... paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        throw new IllegalStateException("not found: " + String.join(" or ", paths));
    }
}
