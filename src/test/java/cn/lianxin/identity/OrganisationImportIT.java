package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST /api/organisation/import} over HTTP on PostgreSQL: a county's file with every kind of
 * mistake is refused whole, good CSV and Excel files take effect at once (units, groups, tenants,
 * people, the next task's form), a dry run and a replay change nothing, and nobody but an
 * administrator imports.
 */
@PlatformIntegrationTest
class OrganisationImportIT {

    private static final String IMPORT = "/api/organisation/import";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the tests add, removed after each so that the demo world is as every other test expects. */
    private static final List<String> TEST_USERS = List.of("zhang-san", "li-si", "wang-wu", "zhao-liu");

    private static final List<String> TEST_VILLAGES = List.of("v0901");
    private static final List<String> TEST_UNITS = List.of("t09", "gt");

    private static final String UNITS_CSV =
            """
            单位编码,单位名称,单位类型,上级单位编码,备注
            c01,示范县,县,,
            t09,试验镇,镇,c01,新设
            v0901,试验村,村,t09,
            gt,国土,部门,c01,
            """;

    private static final String PEOPLE_CSV =
            """
            用户名,姓名,手机号,单位编码,角色
            zhang-san,张三,13800138000,v0901,网格员
            li-si,李四,,v0901,站长、议事召集人
            wang-wu,欧阳五,13900139000,gt,部门办理人
            """;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TaskService tasks;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @AfterEach
    void removeWhatTheTestsAdded() {
        TEST_USERS.forEach(id -> {
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
        });
        for (String code : concat(TEST_VILLAGES, TEST_UNITS)) {
            for (Role role : Role.values()) {
                if (role.isUnitScoped()) {
                    String group = role.groupIdIn(code);
                    authorizations.createAuthorizationQuery().groupIdIn(group).list().stream()
                            .map(Authorization::getId)
                            .forEach(authorizations::deleteAuthorization);
                    if (identity.createGroupQuery().groupId(group).count() > 0) {
                        identity.deleteGroup(group);
                    }
                }
            }
            // the unit's tenant and the departments' work in it (or its own work, for a department)
            identity.createTenantQuery().list().stream()
                    .map(org.camunda.bpm.engine.identity.Tenant::getId)
                    .filter(tenant ->
                            tenant.equals(code) || tenant.endsWith("-" + code) || tenant.startsWith(code + "-"))
                    .forEach(identity::deleteTenant);
        }
        TEST_VILLAGES.forEach(code -> jdbc.update("delete from unit where code = ?", code));
        TEST_UNITS.forEach(code -> jdbc.update("delete from unit where code = ?", code));
        // saving a unit unchanged drops the kept tree, so the removed units are gone at once
        units.save(units.byCode("c01").orElseThrow());
    }

    @Test
    void aFileWithEveryKindOfMistakeIsRefusedWholeWithEveryProblemAndStoresNothing() throws IOException {
        // given: a workbook as a county office might get it wrong, once of each
        byte[] workbook = xlsx(
                List.of(
                        List.of("单位编码", "单位名称", "单位类型", "上级单位编码"),
                        List.of("t09", "试验镇", "镇", "c01"),
                        List.of("t09", "重复镇", "镇", "c01"),
                        List.of("x1", "某单位", "乡镇府", "c01"),
                        List.of("v0902", "无上级村", "村", "nowhere"),
                        List.of("ta", "甲镇", "镇", "tb"),
                        List.of("tb", "乙镇", "镇", "ta"),
                        List.of("v0903", "县下村", "村", "c01"),
                        List.of("gt2", "", "部门", "c01"),
                        List.of("gt3", "长".repeat(65), "部门", "c01"),
                        List.of("gt4", "=HYPERLINK(\"http://evil\",\"点我\")", "部门", "c01"),
                        List.of("gt5", new Formula("1+1"), "部门", "c01"),
                        List.of("d09", "镇下部门", "部门", "t01")),
                List.of(
                        List.of("用户名", "姓名", "手机号", "单位编码", "角色"),
                        List.of("zhang-san", "张三", "13800138000", "v0101", "网格员"),
                        List.of("zhang-san", "张三二", "", "v0101", "网格员"),
                        List.of("li-si", "李四", "12345", "v0101", "站长"),
                        List.of("wang-wu", "", "", "v0101", "网格员"),
                        List.of("zhao-liu", "赵六", "", "v0101", "村长"),
                        List.of("qian-qi", "钱七", "", "t01", "网格员"),
                        List.of("sun-ba", "孙八", "", "nowhere", "网格员"),
                        List.of("zhou-jiu", "周九", "", "c01", "系统管理员"),
                        List.of("Wu_Shi", "吴十", "", "v0101", "网格员")));
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<JsonNode> refused = upload("admin", "", "组织.xlsx", workbook);

        // then: every problem, where it is, at once
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("title").asText()).isEqualTo("组织数据文件有误");
        assertThat(problems(refused))
                .contains(
                        tuple("单位", 3, "单位编码"),
                        tuple("单位", 4, "单位类型"),
                        tuple("单位", 5, "上级单位编码"),
                        tuple("单位", 6, "上级单位编码"),
                        tuple("单位", 7, "上级单位编码"),
                        tuple("单位", 8, "上级单位编码"),
                        tuple("单位", 9, "单位名称"),
                        tuple("单位", 10, "单位名称"),
                        tuple("单位", 11, "单位名称"),
                        tuple("单位", 12, "单位名称"),
                        tuple("单位", 13, "上级单位编码"),
                        tuple("人员", 3, "用户名"),
                        tuple("人员", 4, "手机号"),
                        tuple("人员", 5, "姓名"),
                        tuple("人员", 6, "角色"),
                        tuple("人员", 7, "角色"),
                        tuple("人员", 8, "单位编码"),
                        tuple("人员", 9, "角色"),
                        tuple("人员", 10, "用户名"))
                .doesNotContain(tuple("单位", 2, "单位编码"), tuple("人员", 2, "用户名"));
        assertThat(messages(refused))
                .anySatisfy(m -> assertThat(m).contains("循环"))
                .anySatisfy(m -> assertThat(m).contains("村/社区的上级应为镇/街道"))
                .anySatisfy(m -> assertThat(m).contains("部门的上级应为县"))
                .anySatisfy(m -> assertThat(m).contains("公式"))
                .anySatisfy(m -> assertThat(m).contains("系统管理员不能通过导入授予"));
        before.assertUnchanged(jdbc);
        assertThat(units.byCode("t09")).isEmpty();
    }

    @Test
    void goodCsvFilesAddUnitsAndPeopleThatWorkAtOnceAndAReplayChangesNothing() {
        // when: the units (UTF-8 with BOM, as Excel saves "CSV UTF-8")
        ResponseEntity<JsonNode> unitsImported =
                upload("admin", "?kind=units", "单位.csv", withBom(UNITS_CSV.getBytes(StandardCharsets.UTF_8)));

        // then: the units hold at once, with their groups, grants and tenants
        assertThat(unitsImported.getStatusCode())
                .as("%s", unitsImported.getBody())
                .isEqualTo(HttpStatus.OK);
        assertThat(texts(unitsImported.getBody().path("units").path("added"))).containsExactly("gt", "t09", "v0901");
        assertThat(unitsImported.getBody().path("units").path("unchanged").asInt())
                .isEqualTo(1);
        assertThat(texts(unitsImported.getBody().path("units").path("notInFile")))
                .contains("t01", "v0101", "cg");
        assertThat(texts(unitsImported.getBody().path("newGroups")))
                .contains("grid-worker-v0901", "station-head-v0901", "town-center-t09", "dept-gt");
        assertThat(units.byCode("v0901")).contains(new Unit("v0901", "试验村", UnitKind.VILLAGE, "t09"));
        assertThat(identity.createGroupQuery()
                        .groupId("town-center-t09")
                        .singleResult()
                        .getName())
                .isEqualTo("试验镇便民服务中心");
        // a department reaches its own work in the new village; the new town its village and the
        // departments' work there (the new department's too)
        assertThat(identity.createTenantQuery().groupMember("dept-cg").list())
                .extracting(t -> t.getId())
                .contains("cg-v0901")
                .doesNotContain("v0901");
        assertThat(identity.createTenantQuery().groupMember("town-center-t09").list())
                .extracting(t -> t.getId())
                .contains("v0901", "cg-v0901", "gt-v0901")
                .allMatch(tenant -> tenant.equals("v0901") || tenant.endsWith("-v0901"));

        // when: the people, in GB18030 as Excel on Chinese Windows saves "CSV（逗号分隔）"
        byte[] people = PEOPLE_CSV.getBytes(Charset.forName("GB18030"));
        ResponseEntity<JsonNode> peopleImported = upload("admin", "?kind=people", "人员.csv", people);

        // then
        assertThat(peopleImported.getStatusCode())
                .as("%s", peopleImported.getBody())
                .isEqualTo(HttpStatus.OK);
        JsonNode report = peopleImported.getBody();
        assertThat(texts(report.path("people").path("added"))).containsExactly("li-si", "wang-wu", "zhang-san");
        assertThat(texts(report.path("people").path("notInFile")))
                .contains("gw-v0101", "leader")
                .doesNotContain("admin");
        assertThat(report.path("people").path("deactivated")).isEmpty();
        assertThat(identity.createUserQuery().memberOfGroup("grid-worker-v0901").list())
                .extracting(u -> u.getId())
                .containsExactly("zhang-san");
        assertThat(identity.createGroupQuery().groupMember("li-si").list())
                .extracting(g -> g.getId())
                .containsExactlyInAnyOrder("station-head-v0901", "deliberation-host-v0901");
        assertThat(PersonNames.of(identity.createUserQuery().userId("wang-wu").singleResult()))
                .isEqualTo("欧阳五");
        assertThat(identity.getUserInfo("zhang-san", "phone")).isEqualTo("13800138000");
        // no password anyone knows until an administrator sets one
        assertThat(identity.checkPassword("zhang-san", "demo")).isFalse();
        // the people missing from the file keep their roles (removeMissing was not asked)
        assertThat(identity.createUserQuery().memberOfGroup("grid-worker-v0101").count())
                .isEqualTo(1);

        // when the same files come again
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> unitsAgain =
                upload("admin", "?kind=units", "单位.csv", withBom(UNITS_CSV.getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<JsonNode> peopleAgain = upload("admin", "?kind=people", "人员.csv", people);

        // then nothing changes but the audit of the two imports
        assertThat(unitsAgain.getBody().path("units").path("added")).isEmpty();
        assertThat(unitsAgain.getBody().path("units").path("changed")).isEmpty();
        assertThat(peopleAgain.getBody().path("people").path("added")).isEmpty();
        assertThat(peopleAgain.getBody().path("people").path("changed")).isEmpty();
        assertThat(peopleAgain.getBody().path("memberships").path("added")).isEmpty();
        assertThat(peopleAgain.getBody().path("memberships").path("removed")).isEmpty();
        jdbc.update("delete from organisation_import where id > (select max(id) - 2 from organisation_import)");
        before.assertUnchanged(jdbc);
        assertThat(jdbc.queryForObject(
                        "select count(*) from organisation_import where file_sha256 = ? and dry_run = false",
                        Integer.class,
                        peopleAgain.getBody().path("sha256").asText()))
                .isEqualTo(1);
    }

    @Test
    void anExcelWorkbookIsTriedFirstWithADryRunThenImportedAndANewDepartmentIsOfferedByTheNextTask()
            throws IOException {
        // given: a case whose triage was created before the import
        Case earlier = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        byte[] workbook = xlsx(rows(UNITS_CSV), rows(PEOPLE_CSV));

        // when: a dry run
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        int audits = audits();
        ResponseEntity<JsonNode> dryRun = upload("admin", "?dryRun=true", "组织.xlsx", workbook);

        // then: what would change, and nothing changed but the audit of the dry run
        assertThat(dryRun.getStatusCode()).as("%s", dryRun.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(dryRun.getBody().path("dryRun").asBoolean()).isTrue();
        assertThat(texts(dryRun.getBody().path("units").path("added"))).containsExactly("gt", "t09", "v0901");
        assertThat(texts(dryRun.getBody().path("people").path("added")))
                .containsExactly("li-si", "wang-wu", "zhang-san");
        assertThat(memberships(dryRun.getBody().path("memberships").path("added")))
                .contains("zhang-san → grid-worker-v0901", "wang-wu → dept-gt");
        assertThat(audits()).isEqualTo(audits + 1);
        assertThat(jdbc.queryForObject(
                        "select dry_run from organisation_import order by id desc limit 1", Boolean.class))
                .isTrue();
        jdbc.update("delete from organisation_import where id = (select max(id) from organisation_import)");
        before.assertUnchanged(jdbc);
        assertThat(units.byCode("gt")).isEmpty();

        // when: imported
        ResponseEntity<JsonNode> imported = upload("admin", "", "组织.xlsx", workbook);

        // then: the next triage offers 国土, and so does the town's dispatch
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForMap("select file_format, file_name, units_added, people_added, dry_run"
                        + " from organisation_import order by id desc limit 1"))
                .containsEntry("file_format", "XLSX")
                .containsEntry("file_name", "组织.xlsx")
                .containsEntry("units_added", 3)
                .containsEntry("people_added", 3)
                .containsEntry("dry_run", false);
        Case next = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        assertThat(departmentOptions(appeals.taskIdOf("gw-v0101", next, "triage")))
                .contains(Map.of("label", "国土", "value", "gt"), Map.of("label", "城管", "value", "cg"));
        assertThat(departmentOptions(appeals.taskIdOf("gw-v0101", earlier, "triage")))
                .doesNotContain(Map.of("label", "国土", "value", "gt"));

        // and the task made before the import still accepts the department that exists now
        appeals.done(
                "gw-v0101",
                earlier,
                "triage",
                Map.of("path", "JOINT", "leadDept", "gt", "coDepts", List.of("cg"), "overrideReason", "需国土、城管联合处理"));
        appeals.done("gw-v0101", next, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", next, "review-escalation", Map.of("approved", true));
        String townHandle = appeals.taskIdOf("center-t01", next, "town-handle");
        assertThat(departmentOptions(townHandle)).contains(Map.of("label", "国土", "value", "gt"));
        appeals.done("center-t01", next, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "gt"));
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(next.trackingNo())
                        .taskCandidateGroup("dept-gt")
                        .count())
                .isEqualTo(1);

        // when the same workbook comes again
        ResponseEntity<JsonNode> replay = upload("admin", "", "组织.xlsx", workbook);

        // then it changes nothing
        assertThat(replay.getBody().path("units").path("added")).isEmpty();
        assertThat(replay.getBody().path("units").path("changed")).isEmpty();
        assertThat(replay.getBody().path("people").path("changed")).isEmpty();
        assertThat(replay.getBody().path("memberships").path("added")).isEmpty();
    }

    @Test
    void peopleMissingFromTheFileLoseTheirRolesOnlyWhenAskedAndNeverAdministrators() {
        // given
        upload("admin", "?kind=units", "单位.csv", UNITS_CSV.getBytes(StandardCharsets.UTF_8));
        byte[] people = PEOPLE_CSV.getBytes(StandardCharsets.UTF_8);

        try {
            // when: asked to remove the missing
            ResponseEntity<JsonNode> report = upload("admin", "?kind=people&removeMissing=true", "人员.csv", people);

            // then: the demo cadres not in the file lose their roles and keep their accounts; admin stays admin
            assertThat(report.getStatusCode()).as("%s", report.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(texts(report.getBody().path("people").path("deactivated")))
                    .contains("gw-v0101", "leader", "dept-cg")
                    .doesNotContain("admin", "zhang-san");
            assertThat(memberships(report.getBody().path("memberships").path("removed")))
                    .contains("gw-v0101 → grid-worker-v0101");
            assertThat(identity.createGroupQuery().groupMember("gw-v0101").count())
                    .isZero();
            assertThat(identity.createUserQuery().userId("gw-v0101").count()).isEqualTo(1);
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
                    .extracting(u -> u.getId())
                    .containsExactly("admin");
            assertThat(api.as("gw-v0101").get("/api/tasks").getBody().path("items"))
                    .isEmpty();
        } finally {
            // the demo world back as every other test expects it
            organisation.synchronise();
        }
        assertThat(identity.createGroupQuery().groupMember("gw-v0101").count()).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorImports() {
        // given
        byte[] file = UNITS_CSV.getBytes(StandardCharsets.UTF_8);
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when / then
        assertThat(upload(null, "?kind=units", "单位.csv", file).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(upload("gw-v0101", "?kind=units", "单位.csv", file).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("leader", "?kind=units", "单位.csv", file).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("center-t01", "?kind=units&dryRun=true", "单位.csv", file)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        before.assertUnchanged(jdbc);
    }

    @Test
    void whatIsNotAnOrganisationFileIsRefusedAndStoresNothing() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        byte[] units = UNITS_CSV.getBytes(StandardCharsets.UTF_8);
        StringBuilder manyRows = new StringBuilder("单位编码,单位名称,单位类型,上级单位编码\n");
        for (int i = 0; i < 5_001; i++) {
            manyRows.append("d").append(i).append(",部门").append(i).append(",部门,c01\n");
        }
        byte[] tooBig = new byte[600 * 1024];
        java.util.Arrays.fill(tooBig, (byte) 'a');

        // when / then
        assertThat(columns(upload("admin", "?kind=units", "大.csv", tooBig))).containsExactly("file");
        assertThat(messages(upload(
                        "admin", "?kind=units", "多.csv", manyRows.toString().getBytes(StandardCharsets.UTF_8))))
                .anySatisfy(m -> assertThat(m).contains("行数过多"));
        assertThat(columns(upload("admin", "", "单位.csv", units))).containsExactly("kind");
        assertThat(columns(upload("admin", "?kind=everything", "单位.csv", units)))
                .containsExactly("kind");
        assertThat(columns(upload("admin", "?kind=units&force=true", "单位.csv", units)))
                .containsExactly("force");
        assertThat(columns(upload("admin", "?kind=units&removeMissing=true", "单位.csv", units)))
                .containsExactly("removeMissing");
        assertThat(columns(upload(
                        "admin", "?kind=units", "旧.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0})))
                .containsExactly((String) null);
        MultiValueMap<String, Object> wrongPart = new LinkedMultiValueMap<>();
        wrongPart.add("upload", new ByteArrayResource(units) {
            @Override
            public String getFilename() {
                return "单位.csv";
            }
        });
        assertThat(columns(api.as("admin").upload(IMPORT + "?kind=units", wrongPart)))
                .containsExactlyInAnyOrder("upload", "file");
        assertThat(messages(
                        upload("admin", "?kind=units", "乱码.csv", new byte[] {(byte) 0xFF, (byte) 0x81, (byte) 0x30})))
                .anySatisfy(m -> assertThat(m).contains("编码"));
        before.assertUnchanged(jdbc);
    }

    private ResponseEntity<JsonNode> upload(String user, String query, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return (user == null ? api : api.as(user)).upload(IMPORT + query, parts);
    }

    /** The choices a task's form offers for departments, as the cadre's Tasklist reads them. */
    private List<Map<String, String>> departmentOptions(String taskId) {
        Object value = tasks.getVariableLocalTyped(taskId, "departmentOptions").getValue();
        try {
            return JSON.readValue(
                    value.toString(), JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int audits() {
        return jdbc.queryForObject("select count(*) from organisation_import", Integer.class);
    }

    private static List<Tuple> problems(ResponseEntity<JsonNode> response) {
        return StreamSupport.stream(response.getBody().path("errors").spliterator(), false)
                .map(e -> tuple(
                        e.path("sheet").isMissingNode() ? null : e.path("sheet").asText(),
                        e.path("row").isMissingNode() ? null : e.path("row").asInt(),
                        e.path("column").isMissingNode()
                                ? null
                                : e.path("column").asText()))
                .toList();
    }

    private static List<String> columns(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> columns = new ArrayList<>();
        response.getBody()
                .path("errors")
                .forEach(e -> columns.add(e.has("column") ? e.get("column").asText() : null));
        return columns;
    }

    private static List<String> messages(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return texts(response.getBody().path("errors")).isEmpty()
                ? List.of()
                : StreamSupport.stream(response.getBody().path("errors").spliterator(), false)
                        .map(e -> e.path("message").asText())
                        .toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> memberships(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(m -> m.path("user").asText() + " → " + m.path("group").asText())
                .toList();
    }

    private static byte[] withBom(byte[] content) {
        byte[] withBom = new byte[content.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(content, 0, withBom, 3, content.length);
        return withBom;
    }

    /** A CSV text's rows, to write the same table into a workbook. */
    private static List<List<Object>> rows(String csv) {
        return csv.lines()
                .map(line -> List.<Object>of((Object[]) line.split(",", -1)))
                .toList();
    }

    /** A formula typed into a cell. */
    private record Formula(String expression) {}

    /** A workbook with the sheets 单位 and 人员, as Excel or WPS writes it. */
    private static byte[] xlsx(List<List<Object>> unitRows, List<List<Object>> peopleRows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("本工作簿的单位和人员两张表供导入");
            fill(workbook.createSheet("单位"), unitRows);
            fill(workbook.createSheet("人员"), peopleRows);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Sheet sheet, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Formula formula) {
                    row.createCell(c).setCellFormula(formula.expression());
                } else if (!"".equals(value)) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
