/**
 * 督办 (Supervision): a step that turns red, or a leader's instruction (批示), opens a supervision
 * ({@code processes/supervision.bpmn}, {@link cn.lianxin.supervision.SupervisionProcess}). The
 * supervisor urges the handlers (催办, they reply), sets a new deadline (when it passes with the
 * step still open, the supervision escalates by itself) or escalates to the next level — station,
 * town, county leader. It ends when the overdue step is completed. Every action is in the case's
 * timeline.
 */
package cn.lianxin.supervision;
