package cn.lianxin.portal;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.system.ApiProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/**
 * The number and access code a resident types to open what they sent — a case (查询进度) or a service
 * order (查单) — checked alike, and the pages that open with them answered alike: a wrong code and an
 * unknown number the same 404 form, a conflict on the opened page, an exhausted limit the 429 page.
 */
final class AccessKeys {

    /** How long a browser keeps a photo of a signed link: as long as the link holds. */
    private static final Duration PHOTO_CACHE = Duration.ofMinutes(10);

    private AccessKeys() {}

    /** What was typed, trimmed and in capitals (codes and numbers are read without regard to case). */
    static String normalised(String typed) {
        return typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The problems of a typed number and code, by field.
     *
     * @param label what the number is called (受理编号, 点单编号)
     * @param example a number of that kind
     * @param whereKept where the resident finds them, for the message (短信, 回执)
     */
    static Map<String, String> problems(
            String numberField, String label, String example, String whereKept, String number, String code) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (number.isEmpty()) {
            errors.put(numberField, "请填写" + label + "，例如 " + example);
        } else if (number.length() > 32) {
            errors.put(numberField, label + "不超过 32 个字符，请核对" + whereKept);
        }
        if (code.isEmpty()) {
            errors.put("accessCode", "请填写查询码（8 位字母和数字）");
        } else if (code.length() > 32) {
            errors.put("accessCode", "查询码为 8 位字母和数字，请核对" + whereKept);
        }
        return errors;
    }

    /**
     * Opens what the key opens ({@code open}, which takes the public limits), then renders the step; a
     * 409 of the step renders {@code conflictPage} with the refusal's Chinese detail, a 404 of the key
     * {@code notFoundPage} with status 404, a 429 the 429 page; any other refusal goes on.
     */
    static <V> String opened(
            Supplier<V> open,
            Function<V, String> step,
            Function<String, String> conflictPage,
            Function<String, String> notFoundPage,
            Refusals refusals,
            Model model,
            HttpServletResponse response) {
        try {
            V view = open.get();
            try {
                return step.apply(view);
            } catch (ApiProblemException refusal) {
                if (refusal.status() != HttpStatus.CONFLICT) {
                    throw refusal;
                }
                return conflictPage.apply(refusals.detail(refusal));
            }
        } catch (ApiProblemException refusal) {
            if (Refusals.tooMany(refusal)) {
                return refusals.tooManyPage(refusal, model, response);
            }
            if (refusal.status() != HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return notFoundPage.apply(refusals.detail(refusal));
        }
    }

    /**
     * A photo by the signed link a page opened by key was given: {@code read} (until, as epoch seconds)
     * checks the link and reads the JPEG; no expiry, or a 404 of {@code read}, is a bare 404.
     */
    static ResponseEntity<byte[]> signedPhoto(Long until, LongFunction<byte[]> read) {
        if (until == null) {
            return ResponseEntity.notFound().build();
        }
        try {
            byte[] jpeg = read.apply(until);
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.maxAge(PHOTO_CACHE).cachePrivate())
                    .body(jpeg);
        } catch (ApiProblemException refusal) {
            if (refusal.status() != HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            return ResponseEntity.notFound().build();
        }
    }

    /** The satisfaction an evaluation form posted ({@code SATISFIED} …), or null for none or another value. */
    static Satisfaction satisfaction(String posted) {
        return posted == null
                ? null
                : Arrays.stream(Satisfaction.values())
                        .filter(s -> s.name().equals(posted))
                        .findFirst()
                        .orElse(null);
    }

    /** An evaluation form's problems (评价 of a case, 评单 of an order): a satisfaction chosen, the comment short. */
    static Map<String, String> evaluationProblems(String satisfaction, String comment) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (satisfaction(satisfaction) == null) {
            errors.put("satisfaction", "请选择满意、基本满意或不满意");
        }
        if (comment != null && comment.length() > 500) {
            errors.put("comment", "意见不能超过 500 个字");
        }
        return errors;
    }

    /** A form's problems in the order its fields are asked ({@code fields}' order), any others after. */
    static Map<String, String> inFieldOrder(Map<String, String> errors, Map<String, String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        fields.keySet().forEach(field -> {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** A refusal's field problems, the first per field. */
    static Map<String, String> fieldProblems(ApiProblemException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.fieldErrors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        return errors;
    }
}
