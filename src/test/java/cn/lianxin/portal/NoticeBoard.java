package cn.lianxin.portal;

import cn.lianxin.testing.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The village notice board (公示栏) as a resident uses it on a phone (390×844): choose a village,
 * read its notices, open one, give an opinion or objection, propose a topic — and what axe-core
 * finds on each page.
 */
final class NoticeBoard {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final HeadlessChromium browser;
    private final String base;

    NoticeBoard(HeadlessChromium browser, String base) {
        this.browser = browser;
        this.base = base;
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    /** The browser runs no script of any page from now on (as with JavaScript switched off). */
    NoticeBoard withoutJavaScript() {
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        return this;
    }

    NoticeBoard open(String path) {
        browser.open(base + path);
        browser.visible(By.tagName("h1"));
        return this;
    }

    /** From the board's home: the town's heading, then the village's link. */
    NoticeBoard chooseVillage(String villageName) {
        open("/board");
        browser.click(browser.visible(By.linkText(villageName + "公示栏")));
        browser.waitUntil("the village's board", () -> heading().equals(villageName + "公示栏"));
        return this;
    }

    List<String> noticeTitles() {
        return browser.driver().findElements(By.cssSelector(".board-notice h2")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The light class (light-green, light-yellow, light-red) of the first milestone of this title on the page. */
    String lightOf(String milestone) {
        return browser.driver().findElements(By.cssSelector(".milestone")).stream()
                .filter(m -> m.getText().contains(milestone))
                .findFirst()
                .orElseThrow()
                .getAttribute("class")
                .replace("milestone", "")
                .trim();
    }

    /** Opens the notice of this title from the village's board. */
    NoticeBoard openNotice(String title) {
        browser.click(browser.visible(By.linkText(title)));
        browser.visible(By.cssSelector(".board-share"));
        return this;
    }

    /** Fills the opinion form and sends it; blank values are left empty. */
    NoticeBoard giveOpinion(boolean objection, String name, String phone, String content) {
        browser.click(browser.visible(
                By.cssSelector("input[name=kind][value=" + (objection ? "OBJECTION" : "OPINION") + "]")));
        type("field-authorName", name);
        type("field-phone", phone);
        type("field-content", content);
        browser.click(browser.visible(By.cssSelector("form button[type=submit]")));
        browser.visible(By.tagName("h1"));
        return this;
    }

    NoticeBoard propose(String title, String background, String name, String phone, boolean consent) {
        type("field-title", title);
        type("field-background", background);
        type("field-proposerName", name);
        type("field-phone", phone);
        WebElement box = browser.visible(By.id("field-consent"));
        if (box.isSelected() != consent) {
            browser.click(box);
        }
        browser.click(browser.visible(By.cssSelector("form button[type=submit]")));
        browser.visible(By.tagName("h1"));
        return this;
    }

    /** The Chinese error shown beside the field, or empty when none is. */
    String errorBeside(String field) {
        List<WebElement> errors = browser.driver().findElements(By.id("error-" + field));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    /** What the field's aria-describedby points at. */
    String describedBy(String field) {
        return browser.driver().findElement(By.id("field-" + field)).getAttribute("aria-describedby");
    }

    String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    String url() {
        return browser.driver().getCurrentUrl();
    }

    boolean copyButtonShown() {
        return browser.driver().findElement(By.cssSelector(".board-copy")).isDisplayed();
    }

    String shareUrl() {
        return browser.driver().findElement(By.id("share-url")).getText();
    }

    String meta(String property) {
        return browser.driver()
                .findElement(By.cssSelector("meta[property='" + property + "']"))
                .getAttribute("content");
    }

    /** The layout's large-text switch, as a resident taps it. */
    NoticeBoard switchLargeText() {
        String before =
                browser.driver().findElement(By.className("large-toggle")).getText();
        browser.click(browser.visible(By.className("large-toggle")));
        browser.waitUntil("the large-text switch turned", () -> !browser.driver()
                .findElement(By.className("large-toggle"))
                .getText()
                .equals(before));
        return this;
    }

    boolean largeText() {
        return browser.driver().findElement(By.tagName("html")).getAttribute("class") != null
                && browser.driver()
                        .findElement(By.tagName("html"))
                        .getAttribute("class")
                        .contains("large-text");
    }

    /** axe-core's serious and critical violations on the page as it is now ({@code id: targets}). */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations() {
        browser.script(axeSource());
        Object found = browser.script("return axe.run(document, {resultTypes: ['violations']}).then(r =>"
                + " r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')));");
        return (List<String>) found;
    }

    private static String axeSource() {
        try (InputStream in = NoticeBoard.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void type(String id, String value) {
        WebElement field = browser.visible(By.id(id));
        field.clear();
        if (value != null && !value.isEmpty()) {
            browser.type(field, value);
        }
    }
}
