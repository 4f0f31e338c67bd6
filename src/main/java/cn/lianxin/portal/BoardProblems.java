package cn.lianxin.portal;

import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.WebUtils;

/**
 * What the board's pages answer when they cannot serve: a page in Chinese, never JSON — an unknown
 * village or topic (404), too many visits or posts from one address (429, with {@code Retry-After}),
 * a bad page link (400). The texts are the API's own ({@code problem.<slug>.*}).
 */
@ControllerAdvice(assignableTypes = {BoardPages.class, BoardOpinions.class, BoardProposals.class, ServicePages.class})
class BoardProblems {

    /** A village code that is not a village of the tree. */
    static final class VillageNotFound extends RuntimeException {
        VillageNotFound() {
            super("village-not-found", null, false, false);
        }
    }

    private final MessageSource messages;

    BoardProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(VillageNotFound.class)
    String villageNotFound(Model model, HttpServletRequest request, HttpServletResponse response) {
        layout(model, request);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("problemTitle", "未找到该村（社区）");
        model.addAttribute("problemDetail", "没有这个村（社区）的公示栏，请从公示栏首页选择所在的村（社区）。");
        return "portal/board-problem";
    }

    @ExceptionHandler(ApiProblemException.class)
    String problem(ApiProblemException problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        layout(model, request);
        response.setStatus(problem.status().value());
        if (problem.status() == HttpStatus.TOO_MANY_REQUESTS && problem.args().length > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.args()[0]));
        }
        Locale chinese = Locale.SIMPLIFIED_CHINESE;
        String slug = problem.status() == HttpStatus.BAD_REQUEST ? "board-link" : problem.slug();
        model.addAttribute("problemTitle", messages.getMessage("problem." + slug + ".title", null, "出错了", chinese));
        model.addAttribute(
                "problemDetail", messages.getMessage("problem." + slug + ".detail", problem.args(), "请稍后再试。", chinese));
        return "portal/board-problem";
    }

    /** An exception handler's model misses what {@link PortalModel} gives the layout: the same here. */
    private static void layout(Model model, HttpServletRequest request) {
        Cookie largeText = WebUtils.getCookie(request, LargeText.COOKIE);
        model.addAttribute("largeText", largeText != null && "1".equals(largeText.getValue()));
        model.addAttribute("currentPath", request.getRequestURI());
    }
}
