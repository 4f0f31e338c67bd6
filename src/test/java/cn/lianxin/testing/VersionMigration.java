package cn.lianxin.testing;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The designers' page at {@code /migrations} as a process designer uses it, in {@link HeadlessChromium}:
 * sign in, choose a model and its versions, read what changed, map a step the new version no longer has,
 * try the move and read each case's reasons, run it and watch its progress.
 */
public final class VersionMigration {

    private final HeadlessChromium browser;
    private final String page;

    public VersionMigration(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.page = "http://localhost:" + port + "/migrations";
    }

    /** Opens the page, signed in or not. */
    public VersionMigration open() {
        browser.open(page);
        return this;
    }

    /** Whether the page asks for a user name and password (waits for the page to decide). */
    public boolean offersSignIn() {
        browser.waitUntil("the page shows the sign-in form or the work", () -> shown("sign-in") || shown("work"));
        return shown("sign-in");
    }

    /** Types the user and the demo password into the page's form, then waits for the page to settle. */
    public VersionMigration signIn(String user) {
        open();
        browser.type(browser.visible(By.id("username")), user);
        browser.type(browser.visible(By.id("password")), "demo", Keys.ENTER);
        browser.waitUntil("the sign-in form gives way", () -> shown("work") || shown("forbidden"));
        return this;
    }

    /** Chooses the model (its key), leaves the versions to their defaults, and asks what changed. */
    public VersionMigration compare(String key) {
        new Select(browser.visible(By.id("key"))).selectByValue(key);
        browser.click(browser.visible(By.id("show-changes")));
        browser.waitUntil(
                "the changes of " + key + " are shown",
                () -> shown("changes")
                        && browser.driver()
                                        .findElements(By.cssSelector("#steps tbody tr"))
                                        .size()
                                > 0);
        return this;
    }

    /** The summary above the steps: which versions, how many open cases. */
    public String changesSummary() {
        return browser.visible(By.id("changes-summary")).getText();
    }

    /** How the step changed, as the page says it (新增, 删除, 改名, 未变). */
    public String changeOf(String stepId) {
        return browser.visible(By.cssSelector("#steps tr[data-step='" + stepId + "'] td:nth-child(3)"))
                .getText();
    }

    /** Maps the old version's step onto the new version's step. */
    public VersionMigration map(String from, String to) {
        new Select(browser.visible(By.id("map-" + from))).selectByValue(to);
        return this;
    }

    /** Presses 试迁移 and waits for each case's verdict. */
    public VersionMigration tryIt() {
        browser.waitUntil("the trial's result is hidden before it runs", () -> !shown("trial-result"));
        browser.click(browser.visible(By.id("dry-run")));
        browser.waitUntil("the trial's result is shown", () -> shown("trial-result"));
        return this;
    }

    /** The dry run's summary line. */
    public String trialSummary() {
        return browser.visible(By.id("trial-summary")).getText();
    }

    /** The case's verdict row as shown: can it move, and the reasons why not. */
    public List<String> verdictOf(String trackingNo) {
        List<WebElement> cells = browser.visible(By.cssSelector("#verdicts tr[data-case='" + trackingNo + "']"))
                .findElements(By.tagName("td"));
        return cells.stream().skip(1).map(WebElement::getText).toList();
    }

    /** Presses 执行迁移 and waits until the progress says the migration is done. */
    public VersionMigration run() {
        browser.click(browser.enabled(By.id("run")));
        browser.waitUntil(
                "the migration is done",
                () -> shown("progress")
                        && "DONE".equals(browser.visible(By.id("progress")).getAttribute("data-state")));
        return this;
    }

    /** The progress panel's text: state, jobs, result. */
    public String progress() {
        return browser.visible(By.id("progress")).getText();
    }

    /** Whether 执行迁移 can be pressed again. */
    public boolean canRunAgain() {
        return browser.driver().findElement(By.id("run")).isEnabled();
    }

    /** Whatever the page shows now. */
    public String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private boolean shown(String id) {
        return browser.driver().findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }
}
