package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;
import static cn.lianxin.deliberation.tasks.TaskContext.option;

import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.MilestoneInput;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 建立落实台账 ({@code set-up-ledger}): after a passed vote the host names the responsible unit, the
 * measures and dated milestones (up to 20, none in the past); the process's {@code record-ledger}
 * step opens the ledger from them.
 */
@Component
class SetUpLedger implements UserTask {

    /** Local variable of the form: every unit that may be made responsible. */
    static final String UNIT_OPTIONS = "unitOptions";

    private final Units units;
    private final LedgerSummary ledgerSummary;

    SetUpLedger(Units units, LedgerSummary ledgerSummary) {
        this.units = units;
        this.ledgerSummary = ledgerSummary;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.SET_UP_LEDGER;
    }

    @Override
    public Set<String> fields() {
        return Set.of(RESPONSIBLE_UNIT, MEASURES, MILESTONES);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        String unit = v.text(RESPONSIBLE_UNIT);
        if (unit == null || units.byCode(unit).isEmpty()) {
            problems.add(new FieldError(RESPONSIBLE_UNIT, "必须选择一个已知的责任单位（村社区、镇或部门）"));
        }
        required(v, MEASURES, "必须填写落实措施", problems);
        tooLong(v, MEASURES, 4000, problems);
        milestones(v, problems);
        FieldChecks.refuseIf(problems);
    }

    private static void milestones(TaskValues v, List<FieldError> problems) {
        List<MilestoneInput> milestones;
        try {
            milestones = MilestoneInput.parse(v.raw(MILESTONES));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(MILESTONES, e.getMessage()));
            return;
        }
        if (milestones.isEmpty()) {
            problems.add(new FieldError(MILESTONES, "至少需要一个落实节点（每行一个：日期 节点内容，如 2026-12-20 完成路灯安装）"));
        } else if (milestones.size() > 20) {
            problems.add(new FieldError(MILESTONES, "一次最多登记 20 个节点"));
        }
        Instant now = TaskContext.now();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneInput m = milestones.get(i);
            if (!m.dueAt().isAfter(now)) {
                problems.add(new FieldError(MILESTONES, "第 " + (i + 1) + " 个节点“" + m.title() + "”的日期已过，节点日期不能早于今天"));
            }
        }
    }

    /** The units to choose from and, when the ledger is extended, what it holds so far. */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(
                UNIT_OPTIONS,
                FormOptions.of(units.all().stream()
                        .map(u -> option(u.name() + "（" + u.code() + "）", u.code()))
                        .toList()));
        task.setVariableLocal(LEDGER_SUMMARY, ledgerSummary.of((String) task.getVariable(DELIBERATION_NO)));
    }

    /** The milestones as text lines, so a ledger extended later shows them in the form's own format. */
    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        task.setVariable(
                MILESTONES,
                values.text(MILESTONES) == null
                        ? ""
                        : MilestoneInput.asText(MilestoneInput.parse(values.raw(MILESTONES))));
    }
}
