package cn.lianxin.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** 首页: what the service is, and the three things a resident comes for. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "portal/home";
    }
}
