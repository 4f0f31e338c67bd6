package cn.lianxin.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** Signs a test client in as a demo user (every demo password is {@code demo}). */
public final class Http {

    private Http() {}

    public static TestRestTemplate as(TestRestTemplate anonymous, String userId) {
        return anonymous.withBasicAuth(userId, "demo");
    }
}
