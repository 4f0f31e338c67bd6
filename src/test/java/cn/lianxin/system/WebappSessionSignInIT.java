package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.WebappClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's plugins call {@code /api} with the webapps' session: as the signed-in cadre, with the
 * engine's authorization as theirs, and only with the session's own CSRF token — a cookie alone, a
 * forged token, another session's token or a signed-out session get a 401 without a Basic dialog.
 */
@PlatformIntegrationTest
class WebappSessionSignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    WebappClient gridWorker;

    @BeforeEach
    void signIn() {
        gridWorker = new WebappClient(port);
        assertThat(gridWorker.signIn("gw-v0101", "demo")).isEqualTo(200);
    }

    @Test
    void aSignedInCadreReadsTheirOwnTasksThroughTheApiWithTheSessionsToken() throws Exception {
        // given a request of the grid worker's own village, waiting at triage
        AppealFixtures.Case appeal = appeals.submit("lighting", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");

        // when Tasklist's plugin asks for the task's card and who is signed in
        HttpResponse<String> card = gridWorker.send("GET", "/api/tasks/cards?ids=" + triage, null, null);
        HttpResponse<String> me = gridWorker.send("GET", "/api/me", null, null);

        // then it is answered as gw-v0101, who sees the task
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(card.body()).findValuesAsText("number")).containsExactly(appeal.trackingNo());
        assertThat(JSON.readTree(me.body()).get("id").asText()).isEqualTo("gw-v0101");
    }

    @Test
    void theSessionsCookieAloneOrAForgedTokenSignsNobodyIn() {
        // when the cookie goes without the token (a cross-site form or image can make a browser do that)
        HttpResponse<String> cookieOnly = gridWorker.send("GET", "/api/me", null, null, null);
        // or with a forged token
        HttpResponse<String> forged = gridWorker.send("GET", "/api/me", null, null, "forged-token");

        // then nobody is signed in; the forged one gets no Basic challenge (no dialog over Tasklist)
        assertThat(cookieOnly.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(forged.body()).contains("未登录");
    }

    @Test
    void anotherSessionsTokenDoesNotOpenThisSession() {
        // given a second cadre signed in on their own session
        WebappClient other = new WebappClient(port);
        assertThat(other.signIn("gw-v0201", "demo")).isEqualTo(200);

        // when the first session's cookie is sent with the second session's token
        HttpResponse<String> mixed = gridWorker.send("GET", "/api/me", null, null, other.csrfToken());

        // then it is refused
        assertThat(mixed.statusCode()).isEqualTo(401);
    }

    @Test
    void aCadreOfAnotherVillageCannotCompleteATaskThroughTheirSession() {
        // given a request of 东风社区 waiting for triage, and a grid worker of 河口村 signed in to Tasklist
        AppealFixtures.Case appeal = appeals.submit("lighting", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        WebappClient stranger = new WebappClient(port);
        assertThat(stranger.signIn("gw-v0201", "demo")).isEqualTo(200);

        // when they post a completion with their own session and token
        HttpResponse<String> refused = stranger.send(
                "POST", "/api/tasks/" + triage + "/completion", "{\"path\":\"IMMEDIATE\"}", "application/json");

        // then the engine's authorization is theirs: the task is not found, and still open
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isOne();
    }

    @Test
    void signingOutOfTasklistEndsTheApiToo() {
        // given the token of the signed-in session
        String token = gridWorker.csrfToken();

        // when the cadre signs out in Tasklist
        assertThat(gridWorker
                        .send("POST", "/camunda/api/admin/auth/user/default/logout", null, null)
                        .statusCode())
                .isLessThan(300);

        // then the old token reaches nothing
        assertThat(gridWorker.send("GET", "/api/me", null, null, token).statusCode())
                .isEqualTo(401);
    }
}
