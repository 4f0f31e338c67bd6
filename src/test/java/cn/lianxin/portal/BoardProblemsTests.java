package cn.lianxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.deliberation.DeliberationBoard;
import cn.lianxin.deliberation.PublicRecords;
import cn.lianxin.system.ApiProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Too many posts from one address (the public limits' 429) on the board's opinion form: a page in
 * Chinese with {@code Retry-After}, in the layout's large-text mode when it is on, and nothing posted.
 * (The integration test cannot hold a bucket empty while a browser types: it refills meanwhile.)
 */
class BoardProblemsTests {

    private final DeliberationBoard board = mock(DeliberationBoard.class);
    private final PublicRecords records = mock(PublicRecords.class);
    private final PublicLimits limits = mock(PublicLimits.class);

    @Test
    void tooManyPostsGetAChinesePageWithRetryAfterAndNothingIsPosted() throws Exception {
        // given the address has used up its posts
        doThrow(new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts", 42L))
                .when(limits)
                .take(eq(Limit.POSTS), anyString());

        // when a resident sends an opinion, with large text on
        MockHttpServletResponse answer = mvc().perform(post("/board/topics/YS-20261206-000001/opinions")
                        .cookie(new jakarta.servlet.http.Cookie("lx-large-text", "1"))
                        .param("kind", "OPINION")
                        .param("authorName", "吴十")
                        .param("content", "尽快改造")
                        .param("formKey", "k1"))
                .andReturn()
                .getResponse();

        // then
        String page = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("42");
        assertThat(page).contains("<h1>发表过于频繁</h1>", "请在 42 秒后再试", "class=\"large-text\"", "返回村务公示栏");
        verify(board, never()).postOpinion(anyString(), any(), anyString());
    }

    @Test
    void anUnknownTopicIsAChinesePageNotFound() throws Exception {
        doThrow(new ApiProblemException(HttpStatus.NOT_FOUND, "deliberation-not-found"))
                .when(records)
                .view("YS-FORGED");

        MockHttpServletResponse answer = mvc().perform(post("/board/topics/YS-FORGED/opinions")
                        .param("kind", "OPINION")
                        .param("authorName", "吴十")
                        .param("content", "尽快改造"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("<h1>未找到该议题</h1>", "议题编号不存在")
                .doesNotContain("large-text\"");
        verify(board, never()).postOpinion(anyString(), any(), anyString());
    }

    private MockMvc mvc() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
        templates.setPrefix("classpath:/templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        templates.setApplicationContext(new org.springframework.context.support.GenericApplicationContext() {
            {
                refresh();
            }
        });
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        return MockMvcBuilders.standaloneSetup(new BoardOpinions(board, records, limits))
                .setControllerAdvice(new PortalModel(), new BoardProblems(messages))
                .setViewResolvers(views)
                .build();
    }
}
