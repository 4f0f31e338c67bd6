package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The cockpit's page and its files over plain HTTP: served to anyone, the same to everyone, with no
 * case, figure or unit in them (the page reads those from /api/cockpit once signed in), under the
 * pages' security headers — scripts from this origin only, never framed.
 */
@PlatformIntegrationTest
class CockpitPageFilesIT {

    private static final String[] FILES = {
        "/cockpit",
        "/cockpit/",
        "/cockpit/index.html",
        "/cockpit/cockpit.js",
        "/cockpit/cockpit.css",
        "/webjars/echarts/5.3.1/dist/echarts.min.js"
    };

    static String[] files() {
        return FILES;
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    AppealFixtures appeals;

    @ParameterizedTest
    @MethodSource("files")
    void theFilesAreServedToAnyoneUnderThePagePolicy(String path) {
        // when
        ResponseEntity<String> response = http.getForEntity(path, String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.PAGE_POLICY);
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Set-Cookie")).isNull();
    }

    @Test
    void thePageIsChineseAndLoadsItsScriptsFromThisOriginWithoutInlineCode() {
        // when
        String page = http.getForObject("/cockpit", String.class);

        // then
        assertThat(page).contains("<html lang=\"zh-CN\">", "领导驾驶舱", "登录", "无权查看");
        assertThat(page)
                .contains(
                        "<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\" defer></script>",
                        "<script src=\"/cockpit/cockpit.js\" type=\"module\"></script>")
                .doesNotContain("<script>", "onclick=", "http://", "https://");
    }

    @Test
    void theFilesHoldNoDataAndAreTheSameForEveryone() {
        // given a case, whose number, citizen and village must not be in any file
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("parking", "v0101"));

        for (String file : FILES) {
            // when
            String anonymous = http.getForObject(file, String.class);
            String leader = as(http, "leader").getForObject(file, String.class);

            // then
            assertThat(leader).as(file).isEqualTo(anonymous);
            if (!file.startsWith("/webjars/")) {
                assertThat(anonymous)
                        .as(file)
                        .doesNotContain(appeal.trackingNo(), "张三", "13800000001", "东风社区", "示范县", "城关镇");
            }
        }
    }

    @Test
    void theEngineCallThePageMakesBeforeSignInOpensNoBrowserDialog() {
        // when (the page's first call to the engine's API, which signs the session in with single sign-on)
        ResponseEntity<String> response = http.getForEntity("/camunda/api/engine/engine/default/version", String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isNull();
    }

    @Test
    void nothingElseUnderWebjarsIsServedToTheAnonymous() {
        // when
        ResponseEntity<String> webappFile =
                http.getForEntity("/webjars/camunda/app/tasklist/scripts/config.js", String.class);
        ResponseEntity<String> other = http.getForEntity("/cockpit-data", String.class);

        // then
        assertThat(webappFile.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
