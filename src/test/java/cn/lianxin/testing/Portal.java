package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The citizen portal (群众端) as a resident uses it on a phone (390×844): what they do
 * ({@code submitRequest}, {@code follow}, {@code evaluate}, {@code withdraw}), not which element is clicked.
 */
public final class Portal {

    /** axe-core's script from its webjar (test scope, pinned in the pom). */
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /** What a resident types into the request form; null leaves a field empty. */
    public record Request(
            String category,
            String description,
            String location,
            String village,
            String name,
            String phone,
            boolean consent,
            List<java.nio.file.Path> photos) {

        public Request(
                String category,
                String description,
                String location,
                String village,
                String name,
                String phone,
                boolean consent) {
            this(category, description, location, village, name, phone, consent, List.of());
        }

        /** A complete request of 东风社区 about 停车 by 李四, 13900000002. */
        public static Request parking() {
            return new Request("停车", "小区门口乱停车，消防通道被堵", "3号楼北门", "东风社区", "李四", "13900000002", true);
        }

        /** The same request with these photo files chosen in its photo field. */
        public Request withPhotos(java.nio.file.Path... files) {
            return new Request(category, description, location, village, name, phone, consent, List.of(files));
        }
    }

    private final HeadlessChromium browser;
    private final String base;

    public Portal(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public Portal home() {
        browser.open(base + "/");
        browser.visible(By.tagName("h1"));
        return this;
    }

    public Portal open(String path) {
        browser.open(base + path);
        browser.visible(By.tagName("h1"));
        return this;
    }

    /** Follows one of the home page's big buttons or the menu by its text. */
    public Portal choose(String text) {
        turnPage(() -> browser.click(browser.visible(By.xpath("//main//a[normalize-space()='" + text + "']"))));
        return this;
    }

    /** Switches large text on or off with the link at the top of every page. */
    public Portal switchLargeText() {
        turnPage(() -> browser.click(browser.visible(By.cssSelector("a.large-toggle"))));
        return this;
    }

    public boolean largeText() {
        return Boolean.TRUE.equals(browser.script("return document.documentElement.classList.contains('large-text');"));
    }

    /** Fills the request form and sends it; where JavaScript runs, question by question with 下一步. */
    public Portal submitRequest(Request request) {
        open("/submit");
        boolean onePerScreen = !browser.driver()
                .findElements(By.cssSelector("form.one-per-screen"))
                .isEmpty();
        if (request.category() != null) {
            browser.click(browser.visible(
                    By.xpath("//label[contains(@class,'choice')][normalize-space()='" + request.category() + "']")));
        }
        next(onePerScreen);
        type("description", request.description());
        type("location", request.location());
        if (!request.photos().isEmpty()) {
            browser.visible(By.id("photos"))
                    .sendKeys(String.join(
                            "\n",
                            request.photos().stream()
                                    .map(file -> file.toAbsolutePath().toString())
                                    .toList()));
        }
        next(onePerScreen);
        if (request.village() != null) {
            new Select(browser.visible(By.id("villageCode"))).selectByVisibleText(request.village());
        }
        next(onePerScreen);
        type("citizenName", request.name());
        type("phone", request.phone());
        next(onePerScreen);
        if (request.consent()) {
            browser.click(browser.visible(By.cssSelector("label[for=consent]")));
        }
        turnPage(() -> browser.click(browser.visible(By.cssSelector("button.send"))));
        return this;
    }

    private void next(boolean onePerScreen) {
        if (onePerScreen) {
            WebElement next = browser.driver()
                    .findElements(By.xpath("//fieldset[not(@hidden)]//button[.='下一步']"))
                    .get(0);
            browser.click(next);
        }
    }

    private void type(String id, String text) {
        if (text != null) {
            WebElement field = browser.visible(By.id(id));
            field.clear();
            browser.type(field, text);
        }
    }

    /** Whether the form shows one question at a time (JavaScript on). */
    public int visibleQuestions() {
        return browser.driver().findElements(By.cssSelector("fieldset.step")).stream()
                .filter(WebElement::isDisplayed)
                .toList()
                .size();
    }

    public String receiptNumber() {
        return browser.visible(By.id("tracking-no")).getText();
    }

    public String receiptCode() {
        return browser.visible(By.id("access-code")).getText();
    }

    /** Follows a case with its number and code on the tracking form. */
    public Portal follow(String trackingNo, String accessCode) {
        open("/track");
        type("trackingNo", trackingNo);
        type("accessCode", accessCode);
        turnPage(() -> browser.click(browser.visible(By.xpath("//form//button[.='查询']"))));
        return this;
    }

    /** From the case page: evaluates the result with a satisfaction (满意, 基本满意, 不满意) and a comment. */
    public Portal evaluate(String satisfaction, String comment) {
        turnPage(() -> browser.click(browser.visible(By.id("to-evaluation"))));
        if (satisfaction != null) {
            browser.click(browser.visible(
                    By.xpath("//label[contains(@class,'choice')][normalize-space()='" + satisfaction + "']")));
        }
        type("comment", comment);
        turnPage(() -> browser.click(browser.visible(By.id("send-evaluation"))));
        return this;
    }

    /** From the case page: asks to withdraw, gives the reason (null: none) and confirms. */
    public Portal withdraw(String reason) {
        turnPage(() -> browser.click(browser.visible(By.id("to-withdrawal"))));
        return confirmWithdrawal(reason);
    }

    /** On the withdrawal page: gives the reason (null: none) and confirms. */
    public Portal confirmWithdrawal(String reason) {
        type("reason", reason);
        turnPage(() -> browser.click(browser.visible(By.id("confirm-withdrawal"))));
        return this;
    }

    /** 找回查询码, step one: the number and the phone on file. */
    public Portal requestRecoveryCode(String trackingNo, String phone) {
        open("/recover");
        type("trackingNo", trackingNo);
        type("phone", phone);
        turnPage(() -> browser.click(browser.visible(By.xpath("//form//button[.='发送验证码']"))));
        return this;
    }

    /** 找回查询码, step two: the one-time code from the SMS. */
    public Portal enterRecoveryCode(String code) {
        type("code", code);
        turnPage(() -> browser.click(browser.visible(By.id("confirm-code"))));
        return this;
    }

    /** Clicks the button with this text (to go one step further on a page). */
    public Portal press(String text) {
        turnPage(() -> browser.click(browser.visible(By.xpath("//button[normalize-space()='" + text + "']"))));
        return this;
    }

    /** Does what leads to another page, and waits until that page has replaced this one. */
    private void turnPage(Runnable action) {
        browser.nextPage(action);
        browser.visible(By.tagName("h1"));
    }

    /** Goes back one page in the browser's history. */
    public Portal back() {
        browser.driver().navigate().back();
        browser.visible(By.tagName("h1"));
        return this;
    }

    public String heading() {
        return browser.visible(By.tagName("h1")).getText();
    }

    public String text() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    public String url() {
        return browser.driver().getCurrentUrl();
    }

    /** The text of an element by id, or null when the page has none. */
    public String shown(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** The links of the photos the page shows (their {@code src} as written). */
    @SuppressWarnings("unchecked")
    public List<String> photoLinks() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#photos img')].map(img => img.getAttribute('src'));");
    }

    /** How many of the page's photos the browser has loaded as pictures (waits for them to load). */
    public long photosLoaded() {
        browser.waitUntil(
                "the photos have loaded",
                () -> Boolean.TRUE.equals(browser.script(
                        "return [...document.querySelectorAll('#photos img')].every(img => img.complete);")));
        return ((Number)
                        browser.script(
                                "return [...document.querySelectorAll('#photos img')].filter(img => img.naturalWidth > 0).length;"))
                .longValue();
    }

    /** The lines of the error summary at the top. */
    public List<String> errorSummary() {
        return browser.driver().findElements(By.cssSelector("#error-summary li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * The field's own error as a screen reader reaches it: the element its {@code aria-describedby}
     * names {@code <field>-error}, or null when the field is not described by an error.
     */
    public String errorBeside(String field) {
        WebElement input = browser.driver().findElement(By.id(field));
        String describedBy = input.getAttribute("aria-describedby");
        if (describedBy == null || !List.of(describedBy.split(" ")).contains(field + "-error")) {
            return null;
        }
        return browser.driver().findElement(By.id(field + "-error")).getText();
    }

    /** What a field holds (text, textarea, select). */
    public String valueOf(String field) {
        return browser.driver().findElement(By.id(field)).getAttribute("value");
    }

    /** The timeline's entries, oldest first. */
    public List<String> timeline() {
        return browser.driver().findElements(By.cssSelector("#timeline li .what")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * axe-core's serious and critical violations on the page as it is now ("rule: element …"), empty
     * when there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(axe());
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))),"
                + " e => done(['axe failed: ' + e]));");
        return (List<String>) found;
    }

    private static String axe() {
        try (InputStream in = Portal.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath at %s", AXE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
