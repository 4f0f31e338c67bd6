package cn.lianxin.appeal.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 一次性告知退回: the reasons are the ticked ones plus the lines written by hand, and must not be empty. */
class NotifyReturnTests {

    private final NotifyReturn notifyReturn = new NotifyReturn(null);

    @Test
    void reasonsWrittenByHandAloneAreEnough() {
        // when: no standard reason ticked, two lines written
        Map<String, Object> values = Map.of(
                "returnReasons", List.of(),
                "extraReason", "不属于本站职责\n  \n已由法院受理",
                "returnBasis", "《信访工作条例》",
                "alternatives", "请向法院咨询");

        // then
        assertThatCode(() -> notifyReturn.check(values)).doesNotThrowAnyException();
    }

    @Test
    void blankReasonsAndMissingBasisAndAdviceAreRefusedTogether() {
        // when: only blank choices and blank lines
        Map<String, Object> values = Map.of("returnReasons", List.of(" "), "extraReason", " \n ");

        // then
        assertThat(catchThrowableOfType(TaskDataRejected.class, () -> notifyReturn.check(values))
                        .fields())
                .extracting(FieldError::field)
                .containsExactly("returnReasons", "returnBasis", "alternatives");
    }
}
