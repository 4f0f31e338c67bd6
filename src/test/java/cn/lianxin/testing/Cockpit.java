package cn.lianxin.testing;

import org.openqa.selenium.By;

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

    /** Whatever the page shows now. */
    public String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
