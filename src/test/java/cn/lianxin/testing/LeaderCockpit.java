package cn.lianxin.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The leader cockpit at {@code /cockpit} as a leader, supervisor, town centre or station head uses
 * it, in {@link HeadlessChromium}: sign in on its form, read a figure, follow it to its cases, drill
 * down by unit, open a case's timeline, read the live diagram's counts, download a monthly report.
 */
public final class LeaderCockpit {

    private final HeadlessChromium browser;
    private final String page;

    public LeaderCockpit(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.page = "http://localhost:" + port + "/cockpit";
    }

    /** Opens the cockpit, signed in or not. */
    public LeaderCockpit open() {
        browser.open(page);
        return this;
    }

    /** Whether the page asks for a user name and password (waits for the page to decide). */
    public boolean offersSignIn() {
        browser.waitUntil("the page shows the sign-in form or the board", () -> shown("sign-in") || shown("board"));
        return shown("sign-in");
    }

    /** Types the user and the demo password into the cockpit's own form, then waits for the page to settle. */
    public LeaderCockpit signIn(String user) {
        open();
        browser.type(browser.visible(By.id("username")), user);
        browser.type(browser.visible(By.id("password")), "demo", Keys.ENTER);
        browser.waitUntil("the sign-in form gives way", () -> shown("board") || shown("forbidden"));
        return this;
    }

    /** The figure tile's value as shown, e.g. {@code "3"} or {@code "87.5%"}. */
    public String figure(String key) {
        return browser.visible(By.cssSelector("[data-figure='" + key + "'] .value"))
                .getText();
    }

    /** The figure tile's definition, as it stands under the value. */
    public String definitionOf(String key) {
        return browser.visible(By.cssSelector("[data-figure='" + key + "'] .definition"))
                .getText();
    }

    /** Clicks the figure and waits for the list of the cases behind it. */
    public LeaderCockpit casesBehind(String key) {
        browser.click(browser.visible(By.cssSelector("button[data-figure='" + key + "']")));
        return casesListed();
    }

    /** The tracking numbers of the case list as shown, once it has loaded. */
    @SuppressWarnings("unchecked")
    public List<String> listedCases() {
        casesListed();
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#cases tbody tr[data-case]')].map(row => row.dataset.case);");
    }

    private LeaderCockpit casesListed() {
        browser.visible(By.id("cases-panel"));
        browser.waitUntil("the case list has loaded", () -> "false"
                .equals(browser.visible(By.id("cases-panel")).getAttribute("aria-busy")));
        return this;
    }

    /** Opens a listed case and returns its timeline's text. */
    public String timelineOf(String trackingNo) {
        browser.click(browser.visible(By.cssSelector("#cases tr[data-case='" + trackingNo + "'] button")));
        WebElement panel = browser.visible(By.id("timeline-panel"));
        browser.waitUntil("the timeline of " + trackingNo + " shows", () -> panel.getText()
                .contains(trackingNo));
        browser.visible(By.cssSelector("#timeline li"));
        return panel.getText();
    }

    /** The charts drawn with some width and at least one shape, by their element id. */
    @SuppressWarnings("unchecked")
    public List<String> drawnCharts() {
        browser.visible(By.cssSelector(".chart svg"));
        return (List<String>) browser.script("return [...document.querySelectorAll('.chart')]"
                + ".filter(chart => chart.querySelector('svg path') && chart.querySelector('svg').getAttribute('width') > 0)"
                + ".map(chart => chart.id);");
    }

    /**
     * Clicks the middle of a category's bar in the chart of 诉求类别 (where ECharts drew it) and waits
     * for the cases behind it.
     */
    public LeaderCockpit casesOfCategory(String label) {
        WebElement chart = browser.visible(By.cssSelector("#chart-category svg"));
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.script(
                "const chart = echarts.getInstanceByDom(document.getElementById('chart-category'));"
                        + "const option = chart.getOption(); const index = option.yAxis[0].data.indexOf(arguments[0]);"
                        + "return chart.convertToPixel({seriesIndex: 0}, [option.series[0].data[index] / 2, index]);",
                label);
        org.openqa.selenium.Rectangle box = chart.getRect();
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(
                        chart,
                        point.get(0).intValue() - box.getWidth() / 2,
                        point.get(1).intValue() - box.getHeight() / 2)
                .click()
                .perform();
        return casesListed();
    }

    /** The hotspot row of a place key, once the hotspots have loaded. */
    private WebElement hotspot(String placeKey) {
        return browser.visible(By.cssSelector("#hotspots tr[data-hotspot='" + placeKey + "']"));
    }

    /** The hotspot's row as read: village, place, category, count, open, latest, what was done. */
    public String hotspotRow(String placeKey) {
        hotspot(placeKey);
        // read in one go: the list is drawn anew as the board loads
        return (String) browser.script(
                "const row = document.querySelector(\"#hotspots tr[data-hotspot='\" + arguments[0] + \"']\");"
                        + "return row ? row.innerText : '';",
                placeKey);
    }

    /** Clicks the hotspot's count and returns the case numbers it lists. */
    @SuppressWarnings("unchecked")
    public List<String> casesOfHotspot(String placeKey) {
        browser.click(hotspot(placeKey).findElement(By.cssSelector("td.n button")));
        browser.visible(By.cssSelector("#hotspots tr.cases button"));
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#hotspots tr.cases button')].map(b => b.textContent);");
    }

    /** Gives the hotspot a 批示 through its form and waits until the list shows it. */
    public LeaderCockpit instruct(String placeKey, String text) {
        browser.click(hotspot(placeKey).findElement(By.cssSelector("button[data-action='instruct']")));
        browser.type(browser.visible(By.id("instruct-text")), text);
        browser.click(browser.visible(By.id("instruct-send")));
        browser.waitUntil(
                "the 批示 shows on the hotspot", () -> hotspotRow(placeKey).contains(text));
        return this;
    }

    /** Whether the hotspot offers the action (instruct, topic). */
    public boolean offers(String placeKey, String action) {
        hotspot(placeKey);
        return (Boolean) browser.script(
                "return !!document.querySelector(\"#hotspots tr[data-hotspot='\" + arguments[0]"
                        + " + \"'] button[data-action='\" + arguments[1] + \"']\");",
                placeKey,
                action);
    }

    /** What the hotspots panel last said it did. */
    public String hotspotsStatus() {
        return browser.visible(By.id("hotspots-panel"))
                .findElement(By.id("hotspots-status"))
                .getText();
    }

    /** The title of the case list, e.g. what figure or chart it is behind. */
    public String casesTitle() {
        return browser.visible(By.id("cases-title")).getText();
    }

    /** Picks a period (日, 周, 月) and waits until the board shows its dates. */
    public LeaderCockpit period(String name) {
        String before = range();
        browser.click(browser.visible(By.xpath("//button[@data-period and text()='" + name + "']")));
        browser.waitUntil("the board shows the period " + name, () -> !range().equals(before));
        return this;
    }

    /** Picks 自定义 and asks for these dates ({@code yyyy-MM-dd}), typed as a person would. */
    public LeaderCockpit customPeriod(String from, String to) {
        browser.click(browser.visible(By.xpath("//button[@data-period and text()='自定义']")));
        browser.script(
                "document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from,
                to);
        browser.click(browser.visible(By.id("apply-period")));
        return this;
    }

    /** The period the board shows, e.g. {@code "2026-12-01 至 2026-12-31"}. */
    public String range() {
        return browser.visible(By.id("range")).getText();
    }

    /** The error the board shows at its top. */
    public String error() {
        return browser.visible(By.id("board-error")).getText();
    }

    /** The units of the ranking (红黑榜) as shown, by name. */
    public List<String> rankedUnits() {
        browser.visible(By.cssSelector("#rankings tbody tr"));
        return browser.driver().findElements(By.cssSelector("#rankings tbody button[data-unit]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks a unit in the ranking and waits until the board is that unit's. */
    public LeaderCockpit drillInto(String unitName) {
        browser.click(browser.visible(By.xpath("//table[@id='rankings']//button[text()='" + unitName + "']")));
        browser.waitUntil("the board is " + unitName + "'s", () -> unitPath().endsWith(unitName));
        return this;
    }

    /** The units drilled through, widest first, e.g. {@code "示范县 › 城关镇"}. */
    public String unitPath() {
        browser.visible(By.cssSelector("#crumbs button"));
        return (String) browser.script("return [...document.querySelectorAll('#crumbs button')]"
                + ".map(unit => unit.textContent).join(' › ');");
    }

    /** The counts of open cases at a node of the appeal diagram: green, yellow, red. */
    public List<Integer> openAtNode(String activityId) {
        WebElement row = browser.visible(By.cssSelector("#diagram tr[data-node='" + activityId + "']"));
        return row.findElements(By.cssSelector("td.n")).stream()
                .map(cell -> Integer.valueOf(cell.getText().strip()))
                .toList();
    }

    /** Shows the live diagram of another process ({@code appeal}, {@code deliberation}) and waits for it. */
    public LeaderCockpit showProcess(String processKey) {
        browser.click(browser.visible(By.cssSelector("[data-process='" + processKey + "']")));
        browser.waitUntil(
                "the diagram is " + processKey + "'s",
                () -> "true"
                                .equals(browser.visible(By.cssSelector("[data-process='" + processKey + "']"))
                                        .getAttribute("aria-pressed"))
                        && !browser.driver()
                                .findElements(By.cssSelector("#diagram-canvas [data-element-id='" + processKey + "']"))
                                .isEmpty());
        return this;
    }

    /** Clicks a node of the diagram and waits for its cases. */
    public LeaderCockpit casesAtNode(String activityId) {
        browser.click(browser.visible(By.cssSelector("#diagram tr[data-node='" + activityId + "'] button")));
        return casesListed();
    }

    /** The light a node of the drawn diagram is outlined in ({@code red}, {@code yellow}, {@code green}), or none. */
    public String drawnLightOf(String activityId) {
        browser.visible(By.cssSelector("#diagram-canvas [data-element-id='" + activityId + "']"));
        return (String) browser.script("const node = document.querySelector("
                + "\"#diagram-canvas .djs-element[data-element-id='" + activityId + "']\");"
                + "const light = ['red', 'yellow', 'green'].find(l => node.classList.contains('lx-' + l));"
                + "return light || '';");
    }

    /** The badge on a node of the drawn diagram, e.g. {@code "● 正常 2"}. */
    public String drawnBadgeOf(String activityId) {
        return browser.visible(By.cssSelector("#diagram-canvas .lx-badge[data-node='" + activityId + "']"))
                .getText()
                .strip();
    }

    /** Clicks a node of the drawn diagram and waits for its cases. */
    public LeaderCockpit casesAtDrawnNode(String activityId) {
        browser.click(
                browser.visible(By.cssSelector("#diagram-canvas .djs-element[data-element-id='" + activityId + "']")));
        return casesListed();
    }

    /** Lets the browser save downloads (月度报告) into this folder. */
    public LeaderCockpit downloadsInto(Path folder) {
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                folder.toAbsolutePath().toString()));
        return this;
    }

    /** Picks a month ({@code yyyy-MM}) in 月度报告, as a month picker sets it, and clicks 下载 Excel or 下载 PDF. */
    public LeaderCockpit downloadReport(String month, String button) {
        browser.script("document.getElementById('report-month').value = arguments[0];", month);
        browser.click(browser.visible(By.xpath("//button[@data-report-format and text()='" + button + "']")));
        return this;
    }

    /** The rows of 已归档的报告 as shown (month, unit, file, time), once the list has loaded. */
    public List<String> filedReports() {
        browser.visible(By.cssSelector("#filed-reports tbody tr"));
        return browser.driver().findElements(By.cssSelector("#filed-reports tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks a filed report's file (by the text its button shows). */
    public LeaderCockpit downloadFiled(String fileName) {
        browser.click(browser.visible(
                By.xpath("//table[@id='filed-reports']//button[contains(text(), '" + fileName + "')]")));
        return this;
    }

    /** The error 月度报告 shows. */
    public String reportError() {
        return browser.visible(By.id("report-error")).getText();
    }

    /** Clicks 退出 and waits for the sign-in form. */
    public LeaderCockpit signOut() {
        browser.click(browser.visible(By.id("sign-out")));
        browser.visible(By.id("sign-in"));
        return this;
    }

    /** Whatever the page shows now. */
    /** Whether the board shows the service orders' panel (群众点单); a department's board has none. */
    public boolean showsOrders() {
        return shown("orders-panel");
    }

    /** A figure of the service orders' panel as shown, e.g. {@code "3"} or {@code "1.5 小时"}. */
    public String orderFigure(String key) {
        return browser.visible(By.cssSelector("[data-order-figure='" + key + "']"))
                .getText();
    }

    /** The number of orders of one status ({@code DISPATCHING} …) in the service orders' panel. */
    public int ordersOfStatus(String status) {
        return Integer.parseInt(browser.visible(By.cssSelector("#order-status [data-order-count='" + status + "']"))
                .getText());
    }

    /** Clicks the count of orders of one status and returns the order numbers listed behind it. */
    @SuppressWarnings("unchecked")
    public List<String> ordersBehindStatus(String status) {
        browser.click(browser.visible(By.cssSelector("#order-status [data-order-count='" + status + "'] button")));
        browser.visible(By.id("order-list-panel"));
        browser.waitUntil("the order list has loaded", () -> !browser.driver()
                .findElements(By.cssSelector("#order-list tbody tr"))
                .isEmpty());
        return (List<String>)
                browser.script(
                        "return [...document.querySelectorAll('#order-list tbody tr[data-order]')].map(row => row.dataset.order);");
    }

    /** The villages of the panel's table of active members and hours, as named. */
    public List<String> orderVillages() {
        browser.visible(By.cssSelector("#order-villages tbody tr"));
        return browser.driver().findElements(By.cssSelector("#order-villages tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The definitions the service orders' panel states under its figures. */
    public String orderDefinitions() {
        return browser.visible(By.id("order-definitions")).getText();
    }

    public String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private boolean shown(String id) {
        return browser.driver().findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }
}
