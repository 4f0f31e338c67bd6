package cn.lianxin.portal;

import cn.lianxin.testing.HeadlessChromium;
import cn.lianxin.testing.Portal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 服务点单 as a resident does it on a phone (390×844, through {@link Portal}): orders a service from a
 * village's list, follows the order with its number and code, evaluates it — what they do, not which
 * element is clicked.
 */
final class ServiceOrderPages {

    /** What a resident types into the order form; null leaves a field empty. */
    record Order(String description, String preferredTime, String address, String name, String phone, boolean consent) {

        /** A complete order by 张桂兰, 13800000002. */
        static Order haircut() {
            return new Order("腿脚不便，想请人上门理发", "周六上午", "东风社区 3 号楼 2 单元", "张桂兰", "13800000002", true);
        }
    }

    private final HeadlessChromium browser;
    final Portal portal;

    ServiceOrderPages(HeadlessChromium browser, int port) {
        this.browser = browser;
        this.portal = new Portal(browser, port);
    }

    /** From the village's resource list: 我要点这项服务 on the service with this id. */
    ServiceOrderPages chooseOffer(long resourceId) {
        turnPage(() -> browser.click(browser.visible(By.cssSelector("#offer-" + resourceId + " a.button"))));
        return this;
    }

    /** Follows a link of the page's main part by its text. */
    ServiceOrderPages follow(String linkText) {
        turnPage(() -> browser.click(browser.visible(By.xpath("//main//a[normalize-space()='" + linkText + "']"))));
        return this;
    }

    /** Fills the order form it is on and sends it. */
    ServiceOrderPages send(Order order) {
        type("description", order.description());
        type("preferredTime", order.preferredTime());
        type("address", order.address());
        type("residentName", order.name());
        type("phone", order.phone());
        if (order.consent()) {
            browser.click(browser.visible(By.cssSelector("label[for=consent]")));
        }
        turnPage(() -> browser.click(browser.visible(By.id("send-order"))));
        return this;
    }

    /** 查单 with the number and code. */
    ServiceOrderPages track(String orderNo, String accessCode) {
        portal.open("/service/track");
        type("orderNo", orderNo);
        type("accessCode", accessCode);
        turnPage(() -> browser.click(browser.visible(By.id("find-order"))));
        return this;
    }

    /** From the order's page: 评价这次服务 with a satisfaction (满意, 基本满意, 不满意; null: none) and a comment. */
    ServiceOrderPages evaluate(String satisfaction, String comment) {
        turnPage(() -> browser.click(browser.visible(By.id("to-evaluation"))));
        if (satisfaction != null) {
            browser.click(browser.visible(
                    By.xpath("//label[contains(@class,'choice')][normalize-space()='" + satisfaction + "']")));
        }
        type("comment", comment);
        turnPage(() -> browser.click(browser.visible(By.id("send-evaluation"))));
        return this;
    }

    private void type(String id, String text) {
        if (text != null) {
            WebElement field = browser.visible(By.id(id));
            field.clear();
            browser.type(field, text);
        }
    }

    private void turnPage(Runnable action) {
        browser.nextPage(action);
        browser.visible(By.tagName("h1"));
    }
}
