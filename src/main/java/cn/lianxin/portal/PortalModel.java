package cn.lianxin.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page's layout reads: whether large text is on, and the page's own path (to come back to). */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    @ModelAttribute("largeText")
    boolean largeText(@CookieValue(name = LargeText.COOKIE, required = false) String cookie) {
        return "1".equals(cookie);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
