package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 联合办理 on PostgreSQL with the job executor running: every department of a joint case completes its
 * part at the same moment, as happens when a county's departments clear their lists before a meeting.
 * Nobody may see a conflict, and the lead department gets every part.
 */
@PlatformIntegrationTest
class JointHandlingConcurrencyIT {

    /** The demo world's four departments: 交通 leads, 城管, 住建 and 民政 work beside it. */
    private static final Map<String, String> DEPARTMENTS =
            new LinkedHashMap<>(Map.of("dept-jt", "交通", "dept-cg", "城管", "dept-zj", "住建", "dept-mz", "民政"));

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fourDepartmentsCompletingAtTheSameMomentAllSucceedAndTheLeadGetsEveryPart() throws Exception {
        // given: a joint case with every department's task open
        Case appeal = appeals.submit("road", "URGENT", "CROSS_AREA", "v0102");
        appeals.done(
                "gw-v0102",
                appeal,
                "triage",
                Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg", "zj", "mz")));
        Map<String, String> taskOf = new LinkedHashMap<>();
        DEPARTMENTS.keySet().forEach(user -> taskOf.put(user, appeals.taskIdOf(user, appeal, "joint-handle")));
        assertThat(taskOf.values()).doesNotContainNull().doesNotHaveDuplicates();

        // when all four submit their parts at once
        CyclicBarrier together = new CyclicBarrier(DEPARTMENTS.size());
        ExecutorService departments = Executors.newFixedThreadPool(DEPARTMENTS.size());
        List<Future<ResponseEntity<?>>> answers = new ArrayList<>();
        try {
            taskOf.forEach((user, taskId) -> answers.add(departments.submit(() -> {
                together.await();
                return appeals.viaApi(user, taskId, Map.of("jointResult", DEPARTMENTS.get(user) + "已完成本部门部分"));
            })));
            // then every one of them is accepted
            for (Future<ResponseEntity<?>> answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            }
        } finally {
            departments.shutdownNow();
        }

        // and the case goes on, by itself, to the lead's conclusion with all four parts
        await().atMost(Duration.ofSeconds(60))
                .until(() -> appeals.taskIdOf("dept-jt", appeal, "joint-conclude") != null);
        String conclude = appeals.taskIdOf("dept-jt", appeal, "joint-conclude");
        assertThat((String) tasks.getVariable(conclude, "jointResultsSummary"))
                .contains("交通：交通已完成本部门部分", "城管：城管已完成本部门部分", "住建：住建已完成本部门部分", "民政：民政已完成本部门部分");
        assertThat(jdbc.sql("select count(*) from appeal_joint_part where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(appeals.processInstanceOf(appeal))
                        .withException()
                        .count())
                .isZero();
    }
}
