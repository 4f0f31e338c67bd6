/**
 * The working-day calendar (工作日): China's official holiday arrangements, with make-up working
 * days (调休), behind every deadline of the platform. The rules are written down in
 * docs/calendar.md. Data comes from the tyme4j library and is overridden year by year by
 * arrangements an administrator uploads ({@code PUT /api/calendar/years/{year}}). BPMN models
 * reach it through the bean {@code workingDays} ({@link cn.lianxin.calendar.WorkingDays}).
 */
package cn.lianxin.calendar;
