/**
 * The user tasks of {@code processes/appeal.bpmn}, one class per task key ({@code triage} →
 * {@link cn.lianxin.appeal.tasks.Triage}, {@code town-handle} → {@code TownHandle} …): the fields its
 * form submits, the checks a completion must pass on every route, and what the task does when it is
 * created and completed. What all steps share (the light, ending a step's supervision) is in
 * {@code appeal/AppealTaskRules}.
 */
package cn.lianxin.appeal.tasks;
