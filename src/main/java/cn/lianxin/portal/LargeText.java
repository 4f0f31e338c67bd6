package cn.lianxin.portal;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 大字模式 (适老化): large text and high contrast, switched by a plain link (no JavaScript needed)
 * and kept for a year in a cookie, so it stays on from page to page and visit to visit.
 */
@Controller
class LargeText {

    static final String COOKIE = "lx-large-text";

    /** {@code /large-text?on=true&back=/track}: back only to a path of this site. */
    @GetMapping("/large-text")
    ResponseEntity<Void> toggle(
            @RequestParam(required = false) Boolean on, @RequestParam(required = false) String back) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, Boolean.TRUE.equals(on) ? "1" : "0")
                .path("/")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, local(back))
                .build();
    }

    /** A path of this site (one slash, no scheme or host), else the home page. */
    static String local(String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.contains("\\")
                || back.contains("\r")
                || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
