package cn.lianxin.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every error of the platform's API is problem+json in Chinese, naming the fields at fault. */
@WebMvcTest(controllers = ApiErrorsTests.ProbeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ApiErrors.class, Problems.class, ApiErrorsTests.ProbeController.class})
class ApiErrorsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void invalidFieldsAreNamedWithAChineseReason() throws Exception {
        mvc.perform(post("/api/probe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"citizenName\":\" \",\"phone\":\"12345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:lianxin:problem:validation"))
                .andExpect(jsonPath("$.title").value("请求数据有误"))
                .andExpect(jsonPath("$.detail").value(containsString("phone")))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message").value("手机号格式不正确"))
                .andExpect(jsonPath("$.errors[?(@.field == 'citizenName')].message")
                        .value("不能为空"));
    }

    @Test
    void unreadableJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON).content("{\"citizenName\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求内容无法解析"));
    }

    @Test
    void aMissingOrMistypedParameterIsNamed() throws Exception {
        mvc.perform(get("/api/probe/days"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.errors[0].message").value("必须填写"));
        mvc.perform(get("/api/probe/days").param("days", "three"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.errors[0].message").value("格式不正确"));
    }

    @Test
    void anEngineAuthorizationFailureIsForbidden() throws Exception {
        mvc.perform(get("/api/probe/forbidden"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权操作"))
                .andExpect(content().string(not(containsString("gw-v0101"))));
    }

    @Test
    void anUnexpectedFailureRevealsNothingOfItsCause() throws Exception {
        mvc.perform(get("/api/probe/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("服务器内部错误"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    record Intake(@NotBlank String citizenName, @Pattern(regexp = "1\\d{10}", message = "手机号格式不正确") String phone) {}

    @RestController
    static class ProbeController {

        @PostMapping("/api/probe")
        void intake(@Valid @RequestBody Intake intake) {}

        @GetMapping("/api/probe/days")
        int days(@RequestParam int days) {
            return days;
        }

        @GetMapping("/api/probe/forbidden")
        void forbidden() {
            throw new AuthorizationException("gw-v0101", "TASK_WORK", "Task", "42");
        }

        @GetMapping("/api/probe/boom")
        void boom() {
            throw new IllegalStateException("secret detail");
        }
    }
}
