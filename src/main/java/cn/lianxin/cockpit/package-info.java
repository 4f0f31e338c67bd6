/**
 * 驾驶舱 (Cockpit): the figures a leader judges units by (受理量, 响应及时率, 按时办结率, 办结率, 超期件,
 * 临期件, 平均办理时长, 满意率, 重办率, 退回率, 督办件, the paths' shares and deliberation figures), per
 * period and per unit within the caller's reach, the units' rankings (红黑榜), and the cases behind
 * every figure. Figures read the per-case facts the appeal module keeps ({@code appeal_fact}), never
 * Camunda's history; see docs/cockpit.md for each definition.
 */
package cn.lianxin.cockpit;
