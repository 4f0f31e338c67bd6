package cn.lianxin.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link HeadlessChromium} for every test (register with {@code @RegisterExtension}); after
 * the test its last screen is kept under {@code target/browser/<class>-<test>.png|html}, then the
 * browser closes.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private HeadlessChromium browser;

    public HeadlessChromium browser() {
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser = new HeadlessChromium();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            browser.keepEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        } finally {
            browser.close();
            browser = null;
        }
    }
}
