package cn.lianxin.testing;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda's Cockpit as a leader, supervisor or process designer uses it, in {@link HeadlessChromium}:
 * sign in, look at the deployed processes, open a running case.
 */
public final class Cockpit {

    private final HeadlessChromium browser;
    private final String base;

    public Cockpit(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    }

    /** Camunda's login form, typed in like a person would (demo password). */
    public Cockpit signIn(String user) {
        browser.signInToCamunda(base, user);
        return this;
    }

    /** The list of deployed processes, waited for until it shows this process name. */
    public Cockpit processes(String shownName) {
        browser.open(base + "#/processes");
        browser.waitForText(shownName);
        return this;
    }

    /** A running case's page, waited for until its variables show this text. */
    public Cockpit caseShowing(String processInstanceId, String text) {
        browser.open(base + "#/process-instance/" + processInstanceId + "/runtime?tab=variables-tab");
        browser.waitForText(text);
        return this;
    }

    /** The buttons that change a case this page offers now (删除, 挂起, 重试, 添加变量, 编辑/删除变量), by their Chinese tooltip. */
    public List<String> changesOffered() {
        browser.visible(By.cssSelector("html.lianxin-may-known"));
        return browser
                .driver()
                .findElements(By.cssSelector(".ctn-toolbar a[uib-tooltip], .cam-table td.actions button[uib-tooltip]"))
                .stream()
                .filter(WebElement::isDisplayed)
                .map(button -> button.getAttribute("uib-tooltip"))
                .distinct()
                .toList();
    }

    /** The column headers of the variables table, as shown. */
    public List<String> variableColumns() {
        browser.visible(By.cssSelector(".cam-table thead td"));
        return browser.driver().findElements(By.cssSelector(".cam-table thead td")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** A decision's page, waited for until its instances show the process they were made in. */
    public Cockpit decisionShowingProcess(String decisionDefinitionId, String shownProcess) {
        browser.open(base + "#/decision-definition/" + decisionDefinitionId);
        browser.waitForText(shownProcess);
        return this;
    }

    /** The process each decision instance on the page was made in, as its column shows it. */
    public List<String> processesOfDecisionInstances() {
        return browser
                .driver()
                .findElements(By.cssSelector("[cam-widget-clipboard='decisionInstance.processDefinitionKey']"))
                .stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** A light on a diagram node as shown: its word and count ("超期 1") and its mark's colour. */
    public record NodeLight(String text, String colour) {}

    /** A process definition's page, waited for until its diagram shows the lights on this node. */
    public Cockpit diagramShowingLightsOn(String processDefinitionId, String activityId) {
        browser.open(base + "#/process-definition/" + processDefinitionId + "/runtime");
        browser.visible(badge(activityId));
        return this;
    }

    /** The lights on a node of the diagram, left to right. */
    public List<NodeLight> lightsOn(String activityId) {
        return browser.visible(badge(activityId)).findElements(By.cssSelector(".lianxin-light")).stream()
                .map(light -> new NodeLight(
                        light.getText().strip(),
                        light.findElement(By.cssSelector(".lianxin-light-mark")).getCssValue("background-color")))
                .toList();
    }

    /** What the node's lights say when pointed at. */
    public String lightsTooltipOn(String activityId) {
        return browser.visible(badge(activityId)).getAttribute("title");
    }

    /** Clicks the node's lights; the case numbers the panel then lists (each a link). */
    public List<String> casesListedFor(String activityId) {
        browser.click(browser.visible(badge(activityId)));
        browser.visible(By.cssSelector(".lianxin-diagram-panel .lianxin-diagram-case-no"));
        return browser.driver().findElements(By.cssSelector(".lianxin-diagram-panel .lianxin-diagram-case-no")).stream()
                .map(link -> link.getText().strip())
                .toList();
    }

    /** Follows a case number the panel lists: the panel closes, the definition lists that case's instances. */
    public Cockpit openListedCase(String trackingNo) {
        browser.click(browser.visible(By.linkText(trackingNo)));
        browser.waitForNone(By.cssSelector(".lianxin-diagram-panel"));
        browser.waitForText(trackingNo);
        return this;
    }

    private static By badge(String activityId) {
        return By.cssSelector(".lianxin-diagram-badge[data-activity-id='" + activityId + "']");
    }

    /** Whatever the page shows now. */
    public String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
