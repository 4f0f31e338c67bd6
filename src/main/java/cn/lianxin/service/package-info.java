/**
 * 群众点单 · 支部派单 · 党员接单 · 群众评单 and 三张清单: a village's resources (资源清单), needs (需求清单) and
 * projects (项目清单), kept by its station head and branch secretary and shown on the portal; and the
 * {@code service-order} process, in which a resident orders from the resources or describes a need, the
 * branch secretary dispatches it to a confirmed party member or an active volunteer (or turns it into an
 * appeal), the member accepts and serves — for a volunteer, who has no account, the secretary records both on
 * their behalf — the resident evaluates and the points of whoever served are credited ({@code member}).
 */
package cn.lianxin.service;
