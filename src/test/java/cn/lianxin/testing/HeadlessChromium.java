package cn.lianxin.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromium-driver (README:
 * {@code apt-get install chromium chromium-driver}). No driver or browser is downloaded: the
 * paths are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} unless the system
 * properties {@code lianxin.chromium} and {@code lianxin.chromedriver} say otherwise. The browser
 * cannot reach the network beyond this machine, so background traffic is switched off.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;

    public HeadlessChromium() {
        this(new String[0]);
    }

    /** With more switches for Chromium, e.g. {@code --blink-settings=scriptEnabled=false} (JavaScript off). */
    public HeadlessChromium(String... extraArguments) {
        File chromium = new File(System.getProperty("lianxin.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("lianxin.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver (" + chromium
                    + ", " + chromedriver + "): apt-get install chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("lianxin-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--lang=zh-CN",
                        "--window-size=1400,1200",
                        "--user-data-dir=" + profile)
                .addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                // the cadres' browsers run on China time, whatever this machine's zone
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits until the element is visible, then returns it. */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Scrolls the element to the middle of its pane (clear of fixed headers and footers), then clicks it. */
    public void click(WebElement element) {
        scrollToMiddle(element);
        element.click();
    }

    /** Scrolls the element to the middle of its pane, then types into it. */
    public void type(WebElement element, CharSequence... keys) {
        scrollToMiddle(element);
        element.sendKeys(keys);
    }

    private void scrollToMiddle(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Signs in on the login form of one of Camunda's webapps, typed in like a person would (demo password). */
    public void signInToCamunda(String appUrl, String user) {
        open(appUrl);
        type(visible(By.cssSelector("input[ng-model=username]")), user);
        type(visible(By.cssSelector("input[ng-model=password]")), "demo", Keys.ENTER);
        waitForNone(By.cssSelector("input[type=password]"));
    }

    /** Waits until the element is visible and enabled (a form's button once the form is valid), then returns it. */
    public WebElement enabled(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Waits until the page shows the text somewhere in its body. */
    public void waitForText(String text) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "the page never showed “" + text + "”; it shows: "
                        + driver.findElement(By.tagName("body")).getText())
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Waits until the condition holds, failing with what was awaited. */
    public void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "waited in vain until " + what)
                .until(d -> condition.getAsBoolean());
    }

    /**
     * Does what leads to another page (a click that submits, a link) and waits until that page has
     * replaced this one: this page is marked, and the wait ends when the document shown carries no mark.
     * While the browser is between the two, asking fails in several ways (a stale element, a node that
     * "does not belong to the document", a script with no document): each is "not yet".
     */
    public void nextPage(Runnable action) {
        script("document.documentElement.setAttribute('data-left', 'yes');");
        action.run();
        waitUntil("the next page replaces this one", () -> {
            try {
                return script("return document.documentElement.getAttribute('data-left');") == null;
            } catch (org.openqa.selenium.WebDriverException betweenPages) {
                return false;
            }
        });
    }

    /** Runs a script in the page and returns its answer. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until nothing matches. */
    public void waitForNone(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.numberOfElementsToBe(by, 0));
    }

    /** Keeps what the page showed last (screenshot and HTML) under {@code target/browser/}. */
    public void keepEvidence(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "browser"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                FileSystemUtils.deleteRecursively(profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
