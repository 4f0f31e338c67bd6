package cn.lianxin.portal;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How the portal's pages read a module's refusal: the same Chinese texts as the API's problem details
 * ({@code problem.<slug>.title|detail}); an exhausted public limit becomes a page of its own with
 * status 429 and {@code Retry-After}.
 */
@Component
class Refusals {

    static final String TOO_MANY_PAGE = "portal/too-many";

    private final Problems problems;

    Refusals(Problems problems) {
        this.problems = problems;
    }

    /** The refusal's Chinese detail. */
    String detail(ApiProblemException refusal) {
        return problems.message("problem." + refusal.slug() + ".detail", refusal.args());
    }

    /** The refusal's Chinese title. */
    String title(ApiProblemException refusal) {
        return problems.message("problem." + refusal.slug() + ".title", refusal.args());
    }

    static boolean tooMany(ApiProblemException refusal) {
        return refusal.status() == HttpStatus.TOO_MANY_REQUESTS;
    }

    /** The 429 page: what happened and when to try again, in Chinese. */
    String tooManyPage(ApiProblemException refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        Object[] args = refusal.args();
        if (args.length > 0 && args[0] instanceof Number seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        model.addAttribute("refusalTitle", title(refusal));
        model.addAttribute("refusalDetail", detail(refusal));
        return TOO_MANY_PAGE;
    }
}
