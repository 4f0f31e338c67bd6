/**
 * Deadlines and traffic lights (期限, 红黄绿灯): how long each step of a case may take — configurable
 * per category, counted on the working-day calendar — and the light that shows how much of that time
 * is used: green, yellow once a share (default two thirds) has passed, red when overdue. The BPMN
 * models take their due dates, follow-up dates and timer dates from the bean {@code deadlines}.
 */
package cn.lianxin.deadline;
