/**
 * One class per user task of {@code processes/supervision.bpmn}: {@code supervise} →
 * {@code Supervise}, {@code reply} → {@code Reply}, each naming the fields the task accepts.
 * {@code SupervisionTaskRules} gathers them behind the workflow's port.
 */
package cn.lianxin.supervision.tasks;
