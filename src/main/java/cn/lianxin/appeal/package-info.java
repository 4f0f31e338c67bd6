/**
 * 群众诉求办理 (Appeal): intake from the public API or Tasklist, triage into 即办 / 承诺办 / 上报 /
 * 退回 / 联合办理, handling, feedback, the citizen's evaluation and archive, run by
 * {@code processes/appeal.bpmn} ({@link cn.lianxin.appeal.AppealProcess}). The case, its personal
 * data and its log live in the platform's tables; the process carries references. Each user task's
 * rules are one class in {@code appeal.tasks}, named after its task key; the service tasks are glue in
 * {@code AppealDelegates} to {@code ChosenPath}, {@code CaseClosing} and {@code StepLights}.
 */
package cn.lianxin.appeal;
