/**
 * 党员: in-service party members registered with the community where they live (在职党员到社区报到), confirmed
 * by the village's branch secretary; their points ledger (积分) with star levels (星级志愿者) by configurable
 * rules, and the quarterly summary (一季一汇总) for their employer unit. Beside them, each village's register of
 * volunteers (志愿者名册: residents who are not party members and have no account), kept by its secretary and
 * station head, whose points the same ledger holds. The service orders ({@code service}) ask
 * {@link cn.lianxin.member.PartyMembers} and {@link cn.lianxin.member.Volunteers} whom they may dispatch to and
 * credit the served order with {@link cn.lianxin.member.PointsLedger}; this module knows nothing of orders beyond
 * their number.
 */
package cn.lianxin.member;
