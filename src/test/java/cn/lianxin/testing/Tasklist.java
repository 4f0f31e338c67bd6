package cn.lianxin.testing;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's Tasklist as a cadre uses it, in {@link HeadlessChromium}: sign in, read the cards of the
 * list, open a task, claim it (认领), fill its Camunda Form and press 完成, read its 办理记录, transfer
 * it or send it back (办理操作). Labels are the Chinese ones people see.
 */
public final class Tasklist {

    private static final By COMPLETE = By.xpath("//button[@type='submit' and normalize-space()='完成']");

    private final HeadlessChromium browser;
    private final String base;

    public Tasklist(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Camunda's login form, typed in like a person would (demo password). */
    public Tasklist signIn(String user) {
        browser.signInToCamunda(base, user);
        return this;
    }

    /** Signs out (the browser forgets the session) and signs in as another user. */
    public Tasklist signInAs(String user) {
        browser.driver().manage().deleteAllCookies();
        return signIn(user);
    }

    /** The unread count beside the navbar's 消息, once it shows one. */
    public int unread() {
        return Integer.parseInt(
                browser.visible(By.cssSelector(".lianxin-unread")).getText().strip());
    }

    /** Opens 消息 and answers its notices as they read (kind, number, who, when, text), newest first. */
    public List<String> inbox() {
        browser.click(browser.visible(By.cssSelector(".lianxin-inbox")));
        browser.visible(By.cssSelector(".lianxin-notices li"));
        return browser.driver().findElements(By.cssSelector(".lianxin-notice")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Follows the open 消息 panel's notice that mentions this text to its task. */
    public Tasklist openNotice(String mentioning) {
        browser.click(browser.visible(By.xpath("//li[contains(@class,'lianxin-notice')][contains(normalize-space(), '"
                + mentioning + "')]//a[contains(@class,'lianxin-notice-text')]")));
        browser.visible(By.cssSelector(".fjs-form"));
        return this;
    }

    /** 撤回 in the navbar: takes back the listed step of this case with a reason; answers the message shown. */
    public String recall(String number, String reason) {
        browser.click(browser.visible(By.cssSelector(".lianxin-recall")));
        String step = "//li[contains(@class,'lianxin-recallable')][contains(normalize-space(), '" + number + "')]";
        browser.type(browser.visible(By.xpath(step + "//textarea")), reason);
        browser.click(browser.enabled(By.xpath(step + "//button[normalize-space()='撤回这一步']")));
        return browser.visible(By.xpath(step + "//*[contains(@class,'lianxin-status')]"))
                .getText();
    }

    /**
     * 批量转派 in the navbar (station heads only): moves every open task of the person whose entry
     * contains {@code from} to the one whose entry contains {@code to}; answers the message shown.
     */
    public String reassign(String from, String to, String reason) {
        browser.click(browser.visible(By.cssSelector(".lianxin-reassign")));
        String panel = "//div[contains(@class,'lianxin-reassign-panel')]";
        browser.visible(By.xpath(panel + "//label[normalize-space()='接手人']"));
        List<WebElement> choices = browser.driver().findElements(By.xpath(panel + "//select"));
        pick(new Select(choices.get(0)), from);
        pick(new Select(choices.get(1)), to);
        browser.type(browser.visible(By.xpath(panel + "//textarea")), reason);
        browser.click(browser.enabled(By.xpath(panel + "//button[normalize-space()='全部转派']")));
        return browser.visible(By.xpath(panel + "//*[contains(@class,'lianxin-status')]"))
                .getText();
    }

    private static void pick(Select choice, String containing) {
        choice.getOptions().stream()
                .filter(option -> option.getText().contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + containing))
                .click();
    }

    /** What a task's card in the list shows: the light as a word and as a colour, and the card's text. */
    public record Card(String lightWord, String colour, String text) {}

    /** Waits for the list of the first filter, as it shows after signing in. */
    public Tasklist list() {
        browser.visible(By.cssSelector(".tasks-list"));
        return this;
    }

    /** The card of this case's task (by the task's name), once the list shows it with its light. */
    public Card card(String number, String taskName) {
        WebElement card = browser.visible(cardOf(number, taskName));
        WebElement light =
                browser.visible(By.xpath(cardXpath(number, taskName) + "//*[contains(@class,'lianxin-light ')]"));
        String colour = light.getCssValue("background-color")
                + " / "
                + light.findElement(By.cssSelector(".lianxin-light-mark")).getCssValue("background-color");
        return new Card(light.getText().strip(), colour, card.getText());
    }

    /** Waits until the list no longer shows this case's task (by the task's name). */
    public Tasklist waitUntilNotListed(String number, String taskName) {
        browser.waitForNone(cardOf(number, taskName));
        return this;
    }

    /** Opens a tab of the open task: 表单, 办理记录, 办理操作 … */
    public Tasklist tab(String label) {
        browser.click(
                browser.visible(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + label + "']")));
        return this;
    }

    /** The rows of the 办理记录 tab, each as 时间 | 办理人 | 事项 | 内容. */
    public List<String> timeline() {
        browser.visible(By.cssSelector(".lianxin-timeline"));
        return browser.driver().findElements(By.cssSelector(".lianxin-timeline-entry")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .map(String::strip)
                        .reduce((a, b) -> a + " | " + b)
                        .orElse(""))
                .toList();
    }

    /** The light the 办理记录 tab shows for the task (its word). */
    public String timelineLight() {
        return browser.visible(By.cssSelector(".lianxin-timeline-head .lianxin-light"))
                .getText()
                .strip();
    }

    /** 群众信息: what its panel shows of the open task's citizen, or its refusal; the panel is closed again. */
    public String citizen() {
        browser.click(browser.visible(By.cssSelector(".lianxin-citizen-button")));
        String shown = browser.visible(By.cssSelector(".lianxin-citizen-panel dl, .lianxin-citizen-panel .alert"))
                .getText();
        browser.click(browser.visible(By.cssSelector(".lianxin-citizen-panel .lianxin-close")));
        browser.waitForNone(By.cssSelector(".lianxin-citizen-panel"));
        return shown;
    }

    /** The operations the 办理操作 tab offers (their titles). */
    public List<String> operations() {
        browser.visible(By.cssSelector(".lianxin-operations"));
        return browser.driver().findElements(By.cssSelector(".lianxin-operation-title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * 办理操作 → 转办: picks the person or group whose name contains {@code target}, gives the reason and
     * presses 转办; waits until the task has left the screen, or answers the red message.
     */
    public String transfer(String target, String reason) {
        String form = operation("转办");
        Select choice = new Select(browser.visible(By.xpath(form + "//select")));
        choice.getOptions().stream()
                .filter(option -> option.getText().contains(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("转办 offers no " + target))
                .click();
        browser.type(browser.visible(By.xpath(form + "//textarea")), reason);
        return pressAndAwait(form, "转办");
    }

    /** 办理操作 → 驳回 with this reason; waits until the task has left the screen, or answers the red message. */
    public String sendBack(String reason) {
        String form = operation("驳回");
        browser.type(browser.visible(By.xpath(form + "//textarea")), reason);
        return pressAndAwait(form, "驳回到上一步");
    }

    /**
     * 办理操作 → 照片: chooses these files as 办理前 or 办理后 ({@code stage}) photos and presses 上传照片;
     * answers the status line (green or red) once it shows.
     */
    public String uploadPhotos(String stage, java.nio.file.Path... files) {
        String section = "//div[contains(@class,'lianxin-photos')]";
        new Select(browser.visible(By.xpath(section + "//select"))).selectByVisibleText(stage);
        browser.driver()
                .findElement(By.xpath(section + "//input[@type='file']"))
                .sendKeys(String.join(
                        "\n",
                        java.util.Arrays.stream(files)
                                .map(file -> file.toAbsolutePath().toString())
                                .toList()));
        browser.click(browser.enabled(By.xpath(section + "//button[normalize-space()='上传照片']")));
        By status = By.xpath(section + "//*[contains(@class,'lianxin-status')][normalize-space()]");
        return browser.visible(status).getText();
    }

    /** The photos 办理操作 shows, by their text for screen readers ("办理前照片 1"), once each has loaded. */
    public List<String> photos() {
        By images = By.cssSelector(".lianxin-photos img.lianxin-photo-image");
        browser.waitUntil("every photo shown", () -> browser.driver().findElements(images).stream()
                .allMatch(image -> String.valueOf(image.getAttribute("src")).startsWith("data:image/jpeg")));
        return browser.driver().findElements(images).stream()
                .map(image -> image.getAttribute("alt"))
                .toList();
    }

    /** The value the form field with this label shows now, and its prompt, as "value (prompt)". */
    public String shown(String label) {
        WebElement input = field(label);
        return input.getAttribute("value") + " (" + input.getAttribute("placeholder") + ")";
    }

    private String pressAndAwait(String form, String button) {
        browser.click(browser.enabled(By.xpath(form + "//button[normalize-space()='" + button + "']")));
        By refused = By.cssSelector(".lianxin-status.alert-danger");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElements(refused).isEmpty()
                        || d.findElement(By.tagName("body")).getText().contains("请在列表中选择一个任务"));
        List<WebElement> problems = browser.driver().findElements(refused);
        return problems.isEmpty() ? "" : problems.get(0).getText();
    }

    private static String operation(String title) {
        return "//form[contains(@class,'lianxin-operation')][h4[normalize-space()='" + title + "']]";
    }

    private static By cardOf(String number, String taskName) {
        return By.xpath(cardXpath(number, taskName));
    }

    private static String cardXpath(String number, String taskName) {
        return "//li[contains(@class,'task')][.//h4//a[normalize-space()='" + taskName + "']]" + "[.//*[@data-number='"
                + number + "']]";
    }

    /** Opens the task's form (as the link in a task list does) and waits until the form is drawn. */
    public Tasklist open(String taskId) {
        browser.open(base + "#/?task=" + taskId);
        browser.visible(By.cssSelector(".fjs-form"));
        return this;
    }

    /** 认领: a candidate's form stays read-only until they claim the task. */
    public Tasklist claim() {
        browser.click(browser.visible(By.xpath("//button[contains(@class,'claim') and normalize-space()='认领']")));
        browser.waitForNone(By.cssSelector(".disabled-form"));
        return this;
    }

    /** The choices of the form's checklist, as people read them. */
    public List<String> checklistChoices() {
        return browser.driver().findElements(By.cssSelector(".fjs-form-field-checklist label[for]")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    /** The choices of the form's select with this label, as people read them (the list is opened and closed). */
    public List<String> selectChoices(String label) {
        // the label reads "牵头部门*" when the field is required
        WebElement select = browser.visible(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
                + "[label[starts-with(normalize-space(), '" + label + "')]]//div[contains(@class,'fjs-input-group')]"));
        browser.click(select);
        browser.visible(By.cssSelector(".fjs-dropdownlist-item"));
        List<String> choices = browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
        browser.click(select);
        return choices;
    }

    /** Ticks the checklist choices whose text contains these parts. */
    public Tasklist tick(String... parts) {
        for (String part : parts) {
            WebElement box = browser.visible(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]"
                    + "//label[contains(normalize-space(), '" + part + "')]/input[@type='checkbox']"));
            if (!box.isSelected()) {
                browser.click(box);
            }
        }
        return this;
    }

    /** Types into a taglist's search box and picks the first suggestion containing the text. */
    public Tasklist pickTag(String label, String text) {
        WebElement input = field(label);
        browser.type(input, text);
        browser.click(browser.visible(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(), '" + text + "')]")));
        return this;
    }

    /** Opens the date picker of the date field with this label, reads its month and weekday rows, closes it. */
    public String datePicker(String label) {
        WebElement input = field(label);
        browser.click(input);
        String shown = browser.visible(By.cssSelector(".flatpickr-calendar.open .flatpickr-current-month"))
                        .getText()
                + "\n"
                + browser.visible(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekdays"))
                        .getText()
                        .replaceAll("\\s+", " ")
                        .strip();
        browser.type(input, Keys.ESCAPE);
        browser.waitForNone(By.cssSelector(".flatpickr-calendar.open"));
        return shown;
    }

    /** Replaces the value of the form field whose label starts with this text. */
    public Tasklist type(String label, String value) {
        WebElement field = field(label);
        browser.type(field, Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Tab on to the next field, as a person does: the form takes the value when the field loses focus
        browser.type(field, value, Keys.TAB);
        return this;
    }

    /** 完成, once the form lets it be pressed. */
    public Tasklist complete() {
        browser.click(browser.enabled(COMPLETE));
        return this;
    }

    /** Waits until the form marks a field as wrong, then returns what it says under each. */
    public List<String> fieldErrors() {
        browser.visible(By.cssSelector(".fjs-form-field-error li"));
        return browser.driver().findElements(By.cssSelector(".fjs-form-field-error li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Waits for Tasklist's red message and returns its text. */
    public String error() {
        return browser.visible(By.cssSelector(".page-notifications .alert-danger"))
                .getText();
    }

    /** Closes Tasklist's red message, as a person does before trying again. */
    public Tasklist dismissError() {
        browser.click(browser.visible(By.cssSelector(".page-notifications .alert-danger button.close.ng-scope")));
        browser.waitForNone(By.cssSelector(".page-notifications .alert"));
        return this;
    }

    /** Picks the option of the form's radio group with this label, as a person clicks it. */
    public Tasklist choose(String label, String option) {
        browser.click(browser.visible(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"
                + "[.//label[starts-with(normalize-space(), '" + label + "')]]"
                + "//label[normalize-space()='" + option + "']/input[@type='radio']")));
        return this;
    }

    /** A shared filter as the list on the left shows it: its colour (CSS {@code rgb(…)}) and its count. */
    public record FilterShown(String name, String color, long count) {}

    /** The filters on the left, once each shows its count, in their order. */
    public List<FilterShown> filters() {
        browser.visible(By.cssSelector(".task-filter"));
        browser.waitUntil(
                "every filter shows its count",
                () -> browser.driver().findElements(By.cssSelector(".task-filter")).stream()
                        .allMatch(item -> !item.findElements(By.cssSelector(".lianxin-filter-count"))
                                .isEmpty()));
        return browser.driver().findElements(By.cssSelector(".task-filter")).stream()
                .map(item -> {
                    WebElement name = item.findElement(By.cssSelector("h4.name a"));
                    String count = item.findElement(By.cssSelector(".lianxin-filter-count"))
                            .getText();
                    return new FilterShown(
                            name.getText().replace(count, "").strip(),
                            name.getCssValue("color"),
                            Long.parseLong(count.strip()));
                })
                .toList();
    }

    /** Which of 创建任务 and 发起流程 the header offers, once the page knows what the user may do. */
    public List<String> headerActions() {
        browser.visible(By.cssSelector("html.lianxin-may-known"));
        return browser
                .driver()
                .findElements(By.cssSelector("li.create-task-action a, li.start-process-action a"))
                .stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** Tasklist's red messages on screen now (none is waited for). */
    public List<String> redMessages() {
        return browser.driver().findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    /** Whether a message of Tasklist lies over the 完成 button now. */
    public boolean messageCoversComplete() {
        return Boolean.TRUE.equals(
                browser.script(
                        """
                const button = [...document.querySelectorAll('button[type=submit]')].find(b => b.textContent.trim() === '完成');
                if (!button) { return false; }
                const b = button.getBoundingClientRect();
                return [...document.querySelectorAll('.page-notifications .alert')].some(alert => {
                  const a = alert.getBoundingClientRect();
                  return a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                });
                """));
    }

    /** Waits until the completed task has left the screen. */
    public void waitUntilDone() {
        browser.waitForText("请在列表中选择一个任务");
    }

    private WebElement field(String label) {
        WebElement caption = browser.visible(By.xpath("//div[contains(@class,'fjs-form-field')]//label[@for]"
                + "[starts-with(normalize-space(), '" + label + "')]"));
        return browser.visible(By.id(caption.getAttribute("for")));
    }
}
