package cn.lianxin.appeal.tasks;

import cn.lianxin.appeal.AppealProcess;
import cn.lianxin.workflow.UserTask;

/** A user task of {@code appeal.bpmn}; {@code AppealTaskRules} gathers them by task key. */
abstract class AppealTask implements UserTask {

    @Override
    public final String processKey() {
        return AppealProcess.KEY;
    }
}
