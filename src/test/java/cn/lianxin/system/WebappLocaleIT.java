package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The running platform serves our Chinese locale and configuration to Camunda's webapps. */
@PlatformIntegrationTest
class WebappLocaleIT {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachWebappGetsChineseFirstWithEnglishStillAvailable(String app) {
        // when
        String config = http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
        JsonNode chinese = http.getForObject("/camunda/app/" + app + "/locales/zh.json", JsonNode.class);
        JsonNode english = http.getForObject("/camunda/app/" + app + "/locales/en.json", JsonNode.class);

        // then
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
        assertThat(chinese.get("labels").size()).isEqualTo(english.get("labels").size());
        assertThat(http.getForObject("/camunda/app/lianxin/locale.js", String.class))
                .contains("lianxin.locale");
    }
}
