package cn.lianxin.system;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI description of {@code /api} (springdoc, generated from the controllers): {@code
 * /v3/api-docs} and its viewer {@code /swagger-ui.html}, for a county's WeChat mini-program or another
 * front end. The Chinese of each operation (summary, description, group) is kept in {@code
 * api-docs_zh_CN.properties} rather than in annotations on every controller; the routes anyone may
 * call ({@link WebSecurity#PUBLIC_API}) are marked as needing no sign-in, every other one needs HTTP
 * Basic or a Keycloak token. Only {@code /api} is described: Camunda's {@code /engine-rest}, the pages
 * and {@code /actuator} are not ours to offer ({@code springdoc.paths-to-match}).
 *
 * <p>The description is public: it holds no data and says nothing the routes do not answer anyway,
 * the citizens' routes are public themselves, and the builders of a mini-program are not cadres with
 * an account.
 */
@Configuration
class ApiDocs {

    static final String TEXTS = "api-docs_zh_CN.properties";

    private static final String SIGNED_IN = "登录";

    @Bean
    OpenAPI lianxinApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("连心 API")
                        .version("1")
                        .description("连心平台的群众端和干部端接口。群众的诉求和议事接口无需登录，凭受理编号和查询码；"
                                + "干部接口需登录（HTTP Basic，或启用 Keycloak 时的令牌），并按角色和所属单位授权。"
                                + "错误一律以 problem+json（RFC 9457）返回，中文说明，输入有误时逐项列出字段。"))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("干部的用户名和密码"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("启用 Keycloak 时，县里 Keycloak 签发的访问令牌")));
    }

    /**
     * Schema names: a record nested in a controller is named with its controller's subject
     * ({@code AppealController.Receipt} → {@code AppealReceipt}), so two {@code Receipt}s of two
     * controllers do not overwrite each other in the description.
     */
    @Bean
    ModelResolver nestedTypesNamedWithTheirOwner() {
        return new ModelResolver(Json.mapper(), new OwnerQualifiedNames());
    }

    static final class OwnerQualifiedNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            Class<?> owner = type.getEnclosingClass();
            if (owner == null || !name.equals(type.getSimpleName())) {
                return name;
            }
            return owner.getSimpleName().replaceFirst("Controller$", "") + name;
        }
    }

    @Bean
    OpenApiCustomizer chineseTexts() {
        Properties texts = texts();
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(texts, method, path, operation)));
    }

    private static void describe(Properties texts, PathItem.HttpMethod method, String path, Operation operation) {
        String key = method.name().toLowerCase() + "." + path;
        operation.setSummary(texts.getProperty(key + ".summary"));
        String description = texts.getProperty(key + ".description");
        if (description != null) {
            operation.setDescription(description);
        }
        String tag = tagOf(texts, path);
        if (tag != null) {
            operation.setTags(List.of(tag));
        }
        if (isPublic(method, path)) {
            // an empty requirement: no sign-in
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(
                    List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
            if (operation.getDescription() == null) {
                operation.setDescription("需" + SIGNED_IN + "。");
            }
        }
    }

    /** Whether {@link WebSecurity#PUBLIC_API} opens this operation (its path's variables as {@code *}). */
    static boolean isPublic(PathItem.HttpMethod method, String path) {
        String pattern = path.replaceAll("\\{[^/]+}", "*");
        return WebSecurity.PUBLIC_API.stream()
                .anyMatch(route -> route.method().name().equals(method.name())
                        && route.pattern().equals(pattern));
    }

    private static String tagOf(Properties texts, String path) {
        return texts.stringPropertyNames().stream()
                .filter(name -> name.startsWith("tag."))
                .map(name -> Map.entry(name.substring("tag.".length()), texts.getProperty(name)))
                .filter(prefix -> path.equals(prefix.getKey()) || path.startsWith(prefix.getKey() + "/"))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(TEXTS).getInputStream(), StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
