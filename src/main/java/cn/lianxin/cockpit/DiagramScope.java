package cn.lianxin.cockpit;

import cn.lianxin.identity.Unit;
import java.util.Set;

/**
 * Which open tasks a diagram counts: those of one unit the caller reaches ({@link CockpitScope}).
 * The tasks of a county, town or village are those of its villages (the engine's tenants); a
 * department's are those given to its group.
 *
 * @param villages the villages whose tasks count, {@code null} for every task of the county
 * @param group the candidate group whose tasks count (a department's), else {@code null}
 */
record DiagramScope(Unit unit, Set<String> villages, String group) {}
