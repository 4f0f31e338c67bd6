package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda's webapps speak Chinese: for each app, every key of the English locale file shipped in
 * the Camunda webapp jar (read at build time, so an upgrade that adds keys fails here) has a
 * Chinese value in our {@code zh.json} that keeps the English placeholders and markup.
 */
class WebappLocaleTests {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{[A-Za-z_]+}|%[sd]");
    /** HTML markup; words in angle brackets such as {@code <null>} are text and get translated. */
    private static final Pattern TAG =
            Pattern.compile("</?(a|b|br|code|div|em|i|li|ol|p|pre|small|span|strong|u|ul)\\b[^>]*>");
    /** Words that may stand in a value without Chinese: product names and JavaScript literals. */
    private static final Set<String> LATIN_WORDS = Set.of("Camunda", "Optimize", "null", "undefined");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseValue(String app) throws IOException {
        // given
        JsonNode english = englishFromCamundaJar(app);
        JsonNode chinese = ours(app);

        // then
        assertThat(fieldNames(chinese.get("labels")))
                .as("keys of %s zh.json", app)
                .containsExactlyInAnyOrderElementsOf(fieldNames(english.get("labels")));
        List<String> problems = new ArrayList<>();
        english.get("labels").fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String en = entry.getValue().asText();
            String zh = chinese.get("labels").path(key).asText(null);
            problems.addAll(problemsWith(app + "." + key, en, zh));
        });
        assertThat(problems).as("translation problems in %s", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreShownTheChineseWay(String app) throws IOException {
        // given
        JsonNode english = englishFromCamundaJar(app);
        JsonNode chinese = ours(app);

        // then
        assertThat(fieldNames(chinese.get("dateLocales")))
                .containsExactlyElementsOf(fieldNames(english.get("dateLocales")));
        assertThat(chinese.at("/dateLocales/months/0").asText()).isEqualTo("1月");
        assertThat(chinese.at("/dateLocales/weekdays/1").asText()).isEqualTo("星期一");
        assertThat(chinese.at("/dateLocales/longDateFormat/LL").asText()).contains("年");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseIsTheDefaultAndEnglishStaysAvailable(String app) throws IOException {
        // given
        String config = text("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js");

        // then
        assertThat(config)
                .contains("availableLocales: ['zh', 'en']")
                .contains("fallbackLocale: 'zh'")
                // the language is chosen by the first script, before the app and the other scripts start
                .containsPattern("customScripts: \\[\\s*'\\.\\./lianxin/locale'[,\\]]");
        assertThat(text("META-INF/resources/webjars/camunda/app/lianxin/locale.js"))
                .contains("'en' ? 'en' : 'zh'");
    }

    private static List<String> problemsWith(String key, String en, String zh) {
        if (zh == null) {
            return List.of(key + ": missing");
        }
        // the lone plural ending "s" has no Chinese counterpart
        if (en.trim().equals("s")) {
            return zh.isEmpty() ? List.of() : List.of(key + ": a plural ending must stay empty in Chinese");
        }
        List<String> problems = new ArrayList<>();
        if (!en.isBlank() && zh.isBlank()) {
            problems.add(key + ": empty");
        }
        if (!CJK.matcher(zh).find()
                && !zh.isBlank()
                && latinWords(zh).stream().anyMatch(w -> !LATIN_WORDS.contains(w))) {
            problems.add(key + ": still English: " + zh);
        }
        if (!matches(PLACEHOLDER, en).equals(matches(PLACEHOLDER, zh))) {
            problems.add(
                    key + ": placeholders differ: " + matches(PLACEHOLDER, en) + " vs " + matches(PLACEHOLDER, zh));
        }
        if (!matches(TAG, en).equals(matches(TAG, zh))) {
            problems.add(key + ": markup differs");
        }
        return problems;
    }

    private static List<String> latinWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z]*[a-z]{4,}[A-Za-z]*").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }

    private JsonNode englishFromCamundaJar(String app) throws IOException {
        String path = LOCALES.formatted(app, "en");
        URL url = getClass().getClassLoader().getResource(path);
        assertThat(url).as("Camunda's English locale for %s", app).isNotNull();
        assertThat(url.getProtocol()).as("read from the Camunda webapp jar").isEqualTo("jar");
        try (InputStream in = url.openStream()) {
            return json.readTree(stripBom(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private JsonNode ours(String app) throws IOException {
        return json.readTree(text(LOCALES.formatted(app, "zh")));
    }

    private String text(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }
}
