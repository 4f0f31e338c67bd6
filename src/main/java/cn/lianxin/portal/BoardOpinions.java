package cn.lianxin.portal;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.deliberation.DeliberationBoard;
import cn.lianxin.deliberation.PublicRecords;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 意见/异议 on a topic's open notice from its board page: post, redirect, get — the page then says in
 * Chinese that it was received. Bad input shows the page again with each error beside its field and
 * nothing stored; the form's one-time key makes a replayed POST store nothing more.
 */
@Controller
class BoardOpinions {

    /** What the person typed, shown again beside the errors; {@code kind} is 意见 or 异议. */
    public record Form(String kind, String authorName, String phone, String content) {

        static Form empty() {
            return new Form("OPINION", "", "", "");
        }

        public boolean objection() {
            return "OBJECTION".equals(kind);
        }
    }

    private final DeliberationBoard board;
    private final PublicRecords records;
    private final PublicLimits limits;

    BoardOpinions(DeliberationBoard board, PublicRecords records, PublicLimits limits) {
        this.board = board;
        this.records = records;
        this.limits = limits;
    }

    /** The form's address opened as a page (e.g. the large-text switch coming back to it): the topic. */
    @GetMapping("/board/topics/{no}/opinions")
    String backToTopic(@PathVariable String no) {
        return "redirect:/board/topics/{no}#give";
    }

    @PostMapping("/board/topics/{no}/opinions")
    String give(
            @PathVariable String no,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String authorName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) String formKey,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        records.view(no); // an unknown topic: the 404 page, before anything is read or counted
        Form form = new Form(
                "OBJECTION".equals(kind) ? "OBJECTION" : "OPINION",
                nullToEmpty(authorName),
                nullToEmpty(phone),
                nullToEmpty(content));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"OPINION".equals(kind) && !"OBJECTION".equals(kind)) {
            errors.put("kind", "请选择是意见还是异议");
        }
        try {
            if (errors.isEmpty()) {
                limits.take(Limit.POSTS, http.getRemoteAddr());
                board.postOpinion(
                        no,
                        new DeliberationBoard.OpinionRequest(authorName, phone, content, form.objection()),
                        formKey == null ? "" : formKey);
                redirect.addFlashAttribute("received", form.objection() ? "异议" : "意见");
                return "redirect:/board/topics/{no}#received";
            }
        } catch (DataIntegrityViolationException sameFormAtOnce) {
            // the same form sent twice at once: the other request stored it
            redirect.addFlashAttribute("received", form.objection() ? "异议" : "意见");
            return "redirect:/board/topics/{no}#received";
        } catch (ApiProblemException problem) {
            if (problem.status() != HttpStatus.BAD_REQUEST && problem.status() != HttpStatus.CONFLICT) {
                throw problem;
            }
            problem.fieldErrors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
            if (problem.status() == HttpStatus.CONFLICT) {
                model.addAttribute("closed", true);
            }
        }
        // validation, or a notice that closed meanwhile: the page again with the errors, nothing stored
        response.setStatus(errors.isEmpty() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
        BoardPages.show(records.view(no), model, http);
        model.addAttribute("opinion", form);
        model.addAttribute("errors", errors);
        return "portal/board-topic";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
