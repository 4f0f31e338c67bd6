package cn.lianxin.appeal;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A grid worker returns a request in Tasklist, in a real headless Chromium: the standard reasons
 * are offered in the return form's tag list, the picked ones and one written by hand reach the
 * citizen at once (一次性告知); the triage form offers the departments of the unit table.
 */
@PlatformIntegrationTest
class AppealTasklistIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void aGridWorkerReturnsARequestWithEveryReasonAtOnceInTasklist() {
        // given a parking request the grid worker decided to return
        ResponseEntity<JsonNode> submitted = http.postForEntity(
                "/api/appeals",
                Map.of(
                        "citizenName", "赵敏",
                        "phone", "13800000021",
                        "category", "parking",
                        "description", "小区里的车位只租不卖，要求降低车位租金",
                        "villageCode", "v0101",
                        "channel", "ONLINE"),
                JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String trackingNo = submitted.getBody().get("trackingNo").asText();
        String accessCode = submitted.getBody().get("accessCode").asText();
        assertThat(as(http, "gw-v0101")
                        .postForEntity(
                                "/api/tasks/" + appeals.openTask(trackingNo, "triage") + "/completion",
                                Map.of("path", "RETURN", "overrideReason", "车位租金属于业主共有事项"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String notifyReturn = appeals.openTask(trackingNo, "notify-return");

        // when the grid worker presses 完成 on the empty form
        Tasklist tasklist = new Tasklist(session.browser(), port)
                .signIn("gw-v0101")
                .open(notifyReturn)
                .claim()
                .complete();

        // then the form says in Chinese what is missing, and nothing is sent
        assertThat(tasklist.fieldErrors()).isNotEmpty().allMatch("必须填写。"::equals);
        assertThat(tasks.createTaskQuery().taskId(notifyReturn).count()).isOne();

        // when the grid worker closes Tasklist's message, picks a standard reason, adds one and says what
        // the citizen can do
        tasklist.dismissError()
                .pickTag("标准退回理由", "业主大会")
                .type("其他理由", "车位租金由物业与业主协商确定")
                .type("依据", "《物业管理条例》")
                .type("群众可以怎么办", "向业主委员会提出，由业主大会表决")
                .complete()
                .waitUntilDone();

        // then the case is returned and the citizen reads every reason at once
        assertThat(tasks.createTaskQuery().taskId(notifyReturn).count()).isZero();
        JsonNode view = http.getForObject("/api/appeals/" + trackingNo + "?accessCode=" + accessCode, JsonNode.class);
        assertThat(view.get("status").asText()).isEqualTo("RETURNED");
        assertThat(view.get("timeline").toString())
                .contains("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定", "车位租金由物业与业主协商确定", "《物业管理条例》");
    }

    @Test
    void theTriageFormOffersTheDepartmentsOfTheUnitTable() {
        // given a road request to triage
        AppealFixtures.Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");

        // when the grid worker chooses joint handling in Tasklist
        Tasklist tasklist = new Tasklist(session.browser(), port)
                .signIn("gw-v0101")
                .open(appeals.openTask(appeal, "triage"))
                .claim()
                .choose("办理方式", "联合办理");

        // then the lead and co-departments are the departments of the unit table, by name
        assertThat(tasklist.checklistChoices()).containsExactly("城管", "交通", "民政", "人社", "水务", "卫健", "住建");
        assertThat(tasklist.selectChoices("牵头部门")).containsExactly("城管", "交通", "民政", "人社", "水务", "卫健", "住建");
    }
}
