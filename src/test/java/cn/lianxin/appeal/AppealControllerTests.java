package cn.lianxin.appeal;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ProblemDetailsSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every way a public intake can be wrong: 400 problem+json naming the field, and nothing reaches
 * intake (so nothing is stored and no process starts).
 */
@WebMvcTest(AppealController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemDetailsSlice.class)
class AppealControllerTests {

    private static final String VALID =
            """
            {"citizenName": "张三", "phone": "13800000001", "category": "lighting",
             "description": "3号楼楼道灯坏了", "villageCode": "v0101", "channel": "ONLINE"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AppealIntake intake;

    @MockitoBean
    AppealPortal portal;

    /** A mock takes nothing and refuses nobody, unless a test says so. */
    @MockitoBean
    PublicLimits limits;

    @Test
    void aValidRequestIsAcceptedWith201AndItsLocation() throws Exception {
        when(intake.intake(any(), any())).thenReturn(new AppealIntake.Receipt("LX-20261124-000001", "ABCD2345", true));

        submit(VALID)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/appeals/LX-20261124-000001"))
                .andExpect(jsonPath("$.trackingNo").value("LX-20261124-000001"))
                .andExpect(jsonPath("$.accessCode").value("ABCD2345"));
    }

    @Test
    void anEmptyRequestNamesEveryMissingField() throws Exception {
        rejected(submit("{}"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(hasItems("citizenName", "phone", "category", "description", "villageCode")));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsNamed() throws Exception {
        rejected(submit(VALID.replace("{", "{\"status\": \"CLOSED\", ")))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "phone|12345678901",
                "phone|1380000000",
                "phone|+8613800000001",
                "idNumber|1101051949123100",
                "urgency|SOMETIMES",
                "scope|WORLD",
                "citizenName|''",
            })
    void anInvalidValueIsNamed(String field, String value) throws Exception {
        String body = VALID.replaceFirst("\\{", "{\"" + field + "\": \"" + value + "\", ");
        body = body.replace(
                "\"citizenName\": \"张三\", ", field.equals("citizenName") ? "" : "\"citizenName\": \"张三\", ");
        body = body.replace(
                "\"phone\": \"13800000001\", ", field.equals("phone") ? "" : "\"phone\": \"13800000001\", ");
        rejected(submit(body)).andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    @Test
    void anOversizedDescriptionIsNamed() throws Exception {
        String body = VALID.replace("3号楼楼道灯坏了", "灯".repeat(2001));
        rejected(submit(body)).andExpect(jsonPath("$.errors[*].field").value(hasItem("description")));
    }

    @Test
    void anUnknownChannelIsNamed() throws Exception {
        rejected(submit(VALID.replace("ONLINE", "FAX")))
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        submit("{\"citizenName\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求内容无法解析"));
        verify(intake, never()).intake(any(), any());
    }

    @Test
    void anotherContentTypeIsRefused() throws Exception {
        mvc.perform(post("/api/appeals").contentType(MediaType.TEXT_PLAIN).content(VALID))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(intake, never()).intake(any(), any());
    }

    @Test
    void anOverlongIdempotencyKeyIsNamed() throws Exception {
        rejected(mvc.perform(post("/api/appeals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "k".repeat(101))
                        .content(VALID)))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void tooManyRequestsFromOneAddressAreRefused() throws Exception {
        doThrow(new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"))
                .when(limits)
                .take(eq(Limit.INTAKE), any());

        submit(VALID)
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.title").value("提交过于频繁"));
        verify(intake, never()).intake(any(), any());
    }

    @Test
    void anEvaluationNeedsAKnownSatisfaction() throws Exception {
        rejected(mvc.perform(post("/api/appeals/LX-20261124-000001/evaluation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accessCode\": \"ABCD2345\", \"satisfaction\": \"HAPPY\"}")))
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        verify(portal, never()).evaluate(any(), any(), any(), any(), any());
    }

    @Test
    void aWithdrawalNeedsItsReason() throws Exception {
        rejected(mvc.perform(post("/api/appeals/LX-20261124-000001/withdrawal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accessCode\": \"ABCD2345\"}")))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verify(portal, never()).withdraw(any(), any(), any(), any());
    }

    private ResultActions submit(String body) throws Exception {
        return mvc.perform(
                post("/api/appeals").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions rejected(ResultActions result) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请求数据有误"));
        verify(intake, never()).intake(any(), any());
        return result;
    }
}
