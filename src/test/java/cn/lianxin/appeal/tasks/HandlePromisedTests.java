package cn.lianxin.appeal.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 承诺办: what is required depends on the outcome chosen. */
class HandlePromisedTests {

    private final HandlePromised handlePromised = new HandlePromised(null);

    @Test
    void anEscalationNeedsAReasonButNoResult() {
        // when
        Map<String, Object> withoutReason = Map.of("outcome", "ESCALATE");
        Map<String, Object> withReason = Map.of("outcome", "ESCALATE", "escalationReason", "需要住建部门");

        // then
        assertThat(catchThrowableOfType(TaskDataRejected.class, () -> handlePromised.check(withoutReason))
                        .fields())
                .containsExactly(new FieldError("escalationReason", "转为上报时必须说明理由"));
        assertThatCode(() -> handlePromised.check(withReason)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownOutcomeIsRefusedWithTheChoices() {
        // when
        Map<String, Object> values = Map.of("outcome", "LATER");

        // then
        assertThat(catchThrowableOfType(TaskDataRejected.class, () -> handlePromised.check(values))
                        .fields())
                .containsExactly(new FieldError("outcome", "应为 DONE（已办结）或 ESCALATE（转为上报）"));
    }
}
