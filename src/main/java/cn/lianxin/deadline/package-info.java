/**
 * Deadlines and traffic lights (期限, 红黄绿灯) of every process: how long each step may take —
 * configured in one tree keyed by process and task ({@code lianxin.deadlines.processes}), per category
 * where a process has categories, counted on the working-day calendar — and the light that shows how
 * much of that time is used: green, yellow once a share (default two thirds) has passed or a reminder
 * is due, red when overdue. The BPMN models take their due dates, follow-up dates and timer dates from
 * the bean {@code deadlines}; the configuration is held against the models at start-up.
 */
package cn.lianxin.deadline;
