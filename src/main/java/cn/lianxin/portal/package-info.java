/**
 * 群众端: the citizen's portal at {@code /} — submit, follow, evaluate, withdraw, recover an access
 * code — 服务点单 ({@code /service}: a village's three lists, ordering, 查单 and 评单), and the village
 * notice board ({@code /board}), rendered on the server so that they work on
 * any phone browser (WeChat's too) and with JavaScript off; large text and high contrast that stay on.
 */
package cn.lianxin.portal;
