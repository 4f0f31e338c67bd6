package cn.lianxin.appeal.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.lianxin.appeal.Departments;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 分类分流's rules, without the engine: the promise limit, joint departments, a reason to override. */
class TriageTests {

    private final Triage triage = new Triage(departments("cg", "jt", "zj"));

    @Test
    void aPromiseWithinTheCategorysLimitIsAccepted() {
        // given: the triage decision allows at most 3 working days for this category
        Map<String, Object> values = suggested("PROMISED", 3);

        // when
        values.put("path", "PROMISED");
        values.put("promisedDays", 3);

        // then
        assertThatCode(() -> triage.check(values)).doesNotThrowAnyException();
    }

    @Test
    void aPromiseBeyondTheCategorysLimitIsRefusedNamingTheLimit() {
        // given
        Map<String, Object> values = suggested("PROMISED", 3);

        // when
        values.put("path", "PROMISED");
        values.put("promisedDays", "4");

        // then
        assertThat(problems(values)).containsExactly(new FieldError("promisedDays", "该类诉求承诺办最多 3 个工作日"));
    }

    @Test
    void aPromiseNeedsAtLeastOneWholeWorkingDay() {
        // given
        Map<String, Object> values = suggested("PROMISED", 3);

        // when: half a day, then none
        values.put("path", "PROMISED");
        values.put("promisedDays", 1.5);
        List<FieldError> halfADay = problems(values);
        values.put("promisedDays", 0);
        List<FieldError> none = problems(values);

        // then
        assertThat(halfADay).extracting(FieldError::field).containsExactly("promisedDays");
        assertThat(none).extracting(FieldError::message).containsExactly("承诺办必须填写承诺的工作日数（至少 1 天）");
    }

    @Test
    void notFollowingTheSuggestionNeedsAReasonAndEveryProblemIsNamedAtOnce() {
        // given: 即办 suggested
        Map<String, Object> values = suggested("IMMEDIATE", 3);

        // when: joint handling chosen without a reason, the lead among the co-departments, one unknown
        values.put("path", "JOINT");
        values.put("leadDept", "cg");
        values.put("coDepts", List.of("cg", "xx"));

        // then
        assertThat(problems(values))
                .containsExactly(
                        new FieldError("coDepts", "未知部门：xx"),
                        new FieldError("coDepts", "协办部门不应包含牵头部门"),
                        new FieldError("overrideReason", "不采纳系统建议（即办）时必须说明理由"));
    }

    @Test
    void jointHandlingNeedsAKnownLeadAndDistinctCoDepartments() {
        // given
        Map<String, Object> values = suggested("JOINT", 3);

        // when: a town is no department, and a co-department twice
        values.put("path", "JOINT");
        values.put("leadDept", "t01");
        values.put("coDepts", "[\"jt\",\"jt\"]");

        // then
        assertThat(problems(values))
                .containsExactly(new FieldError("leadDept", "联合办理必须选择一个已知的牵头部门"), new FieldError("coDepts", "协办部门有重复"));
    }

    @Test
    void jointHandlingWithALeadAndOtherDepartmentsIsAccepted() {
        // given
        Map<String, Object> values = suggested("JOINT", 3);

        // when
        values.put("path", "JOINT");
        values.put("leadDept", "jt");
        values.put("coDepts", List.of("cg", "zj"));

        // then
        assertThatCode(() -> triage.check(values)).doesNotThrowAnyException();
    }

    private static Map<String, Object> suggested(String path, int maxPromisedDays) {
        Map<String, Object> values = new HashMap<>();
        values.put("suggestedPath", path);
        values.put("maxPromisedDays", maxPromisedDays);
        return values;
    }

    private List<FieldError> problems(Map<String, Object> values) {
        return catchThrowableOfType(TaskDataRejected.class, () -> triage.check(values))
                .fields();
    }

    /** The departments of the demo world's county, plus a town that is no department. */
    static Departments departments(String... codes) {
        Units units = mock(Units.class);
        when(units.byCode(anyString())).thenReturn(Optional.empty());
        when(units.byCode("t01")).thenReturn(Optional.of(new Unit("t01", "城关镇", UnitKind.TOWN, "c01")));
        for (String code : codes) {
            when(units.byCode(code)).thenReturn(Optional.of(new Unit(code, code, UnitKind.DEPARTMENT, "c01")));
        }
        return new Departments(units);
    }
}
