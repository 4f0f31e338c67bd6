package cn.lianxin.organisation;

import static cn.lianxin.organisation.OrganisationTables.*;

import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.organisation.OrganisationTables.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a county's organisation file must say to be imported, and what it then means: the units (each
 * under a unit of the right kind — a town under the county, a village under a town, a department
 * under the county), the people with their roles in units of the role's kind. Every row is checked
 * against the file and the units already known, and every problem is reported.
 */
final class OrganisationRules {

    /** 单位类型 as counties write it. */
    static final Map<String, UnitKind> UNIT_TYPES = orderedMap(
            "县", UnitKind.COUNTY,
            "镇", UnitKind.TOWN,
            "乡", UnitKind.TOWN,
            "街道", UnitKind.TOWN,
            "村", UnitKind.VILLAGE,
            "社区", UnitKind.VILLAGE,
            "部门", UnitKind.DEPARTMENT);

    /** 角色 as counties write it; {@code 系统管理员} is refused on purpose (see {@link #ADMIN_LABEL}). */
    static final Map<String, Role> ROLE_NAMES = orderedMap(
            "网格员", Role.GRID_WORKER,
            "代办员", Role.GRID_WORKER,
            "站长", Role.STATION_HEAD,
            "村社区书记", Role.STATION_HEAD,
            "议事召集人", Role.DELIBERATION_HOST,
            "议事代表", Role.DELIBERATION_REP,
            "支部书记", Role.BRANCH_SECRETARY,
            "党员", Role.PARTY_MEMBER,
            "镇便民服务中心", Role.TOWN_CENTER,
            "便民服务中心", Role.TOWN_CENTER,
            "部门办理人", Role.DEPT,
            "督办员", Role.SUPERVISOR,
            "领导", Role.LEADER,
            "流程设计员", Role.PROCESS_DESIGNER,
            "运维", Role.OPERATIONS);

    static final String ADMIN_LABEL = "系统管理员";

    private static final Pattern UNIT_CODE_FORMAT = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern USER_ID_FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ROLE_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

    /** A person as the file describes them: the unit and roles make their groups. */
    record PersonRow(int row, String id, String name, String phone, String unitCode, Set<Role> roles) {}

    /** What a valid file says: its units (none if it has no unit table) and people ({@code null}: no people table). */
    record Roster(List<Unit> units, List<PersonRow> people) {}

    private OrganisationRules() {}

    /**
     * Checks the tables against each other and the units already known.
     *
     * @param known the units as they are now
     * @param peopleKeptHere false when people come from Keycloak: a people table is then refused
     */
    static Roster check(
            OrganisationTables.Tables tables, List<Unit> known, boolean peopleKeptHere, ImportProblems problems) {
        List<Unit> units = units(tables.tables().getOrDefault(UNITS, List.of()), known, problems);
        List<Row> peopleRows = tables.tables().get(PEOPLE);
        List<PersonRow> people = null;
        if (peopleRows != null && !peopleKeptHere) {
            problems.add(PEOPLE, null, null, "本平台的人员和角色由 Keycloak 管理：只能导入单位表，人员和角色请在 Keycloak 中维护");
        } else if (peopleRows != null) {
            Map<String, Unit> tree = tree(known, units);
            people = people(peopleRows, tree, problems);
        }
        return new Roster(units, people);
    }

    private static List<Unit> units(List<Row> rows, List<Unit> known, ImportProblems problems) {
        Map<String, Unit> before = new HashMap<>();
        known.forEach(u -> before.put(u.code(), u));
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>();
        for (Row row : rows) {
            String code = row.get(UNIT_CODE);
            String name = row.get(UNIT_NAME);
            String type = row.get(UNIT_TYPE);
            String parent = row.get(PARENT_CODE);
            boolean ok = true;
            if (code.isEmpty()) {
                problems.add(UNITS, row.number(), UNIT_CODE, "必须填写单位编码");
                ok = false;
            } else if (!UNIT_CODE_FORMAT.matcher(code).matches() || "county".equals(code)) {
                problems.add(UNITS, row.number(), UNIT_CODE, "单位编码只能由小写字母和数字组成，最长 16 位（如 t01、v0101、cg），且不能是 county");
                ok = false;
            } else if (rowOf.containsKey(code)) {
                problems.add(UNITS, row.number(), UNIT_CODE, "单位编码 " + code + " 重复：第 " + rowOf.get(code) + " 行已有");
                ok = false;
            }
            if (name.isEmpty()) {
                problems.add(UNITS, row.number(), UNIT_NAME, "必须填写单位名称");
                ok = false;
            }
            UnitKind kind = UNIT_TYPES.get(type);
            if (kind == null) {
                problems.add(
                        UNITS,
                        row.number(),
                        UNIT_TYPE,
                        (type.isEmpty() ? "必须填写单位类型" : "未知的单位类型“" + type + "”") + "：应为 "
                                + String.join("、", UNIT_TYPES.keySet()));
                ok = false;
            } else if (code != null
                    && before.containsKey(code)
                    && before.get(code).kind() != kind) {
                problems.add(
                        UNITS,
                        row.number(),
                        UNIT_TYPE,
                        "单位 " + code + " 已是" + label(before.get(code).kind()) + "，不能改为" + label(kind)
                                + "：它的岗位和案件按原类型建立");
                ok = false;
            }
            if (!parent.isEmpty() && !UNIT_CODE_FORMAT.matcher(parent).matches()) {
                problems.add(UNITS, row.number(), PARENT_CODE, "上级单位编码只能由小写字母和数字组成");
                ok = false;
            }
            if (!code.isEmpty() && !rowOf.containsKey(code)) {
                rowOf.put(code, row.number());
            }
            if (ok) {
                units.add(new Unit(code, name, kind, parent.isEmpty() ? null : parent));
            }
        }
        parents(units, before, rowOf, problems);
        return units;
    }

    /** Each unit's parent exists (in the file or already) and is of the kind its own kind needs; no cycle; one county. */
    private static void parents(
            List<Unit> units, Map<String, Unit> before, Map<String, Integer> rowOf, ImportProblems problems) {
        Map<String, Unit> tree = new HashMap<>(before);
        units.forEach(u -> tree.put(u.code(), u));
        for (Unit unit : units) {
            int row = rowOf.get(unit.code());
            String parentCode = unit.parentCode();
            if (unit.kind() == UnitKind.COUNTY) {
                if (parentCode != null) {
                    problems.add(UNITS, row, PARENT_CODE, "县级单位没有上级单位：请留空");
                }
                continue;
            }
            UnitKind wanted = unit.kind() == UnitKind.VILLAGE ? UnitKind.TOWN : UnitKind.COUNTY;
            if (parentCode == null) {
                problems.add(UNITS, row, PARENT_CODE, label(unit.kind()) + "必须填写上级单位（一个" + label(wanted) + "）");
                continue;
            }
            Unit parent = tree.get(parentCode);
            if (parent == null && rowOf.containsKey(parentCode)) {
                continue; // the parent's own row is wrong and says so
            }
            if (parent == null) {
                problems.add(UNITS, row, PARENT_CODE, "上级单位 " + parentCode + " 不存在：文件中和平台上都没有这个单位");
            } else if (cycle(unit, tree)) {
                problems.add(UNITS, row, PARENT_CODE, "上级单位形成循环：" + unit.code() + " 经上级又回到自己");
            } else if (parent.kind() != wanted) {
                problems.add(
                        UNITS,
                        row,
                        PARENT_CODE,
                        label(unit.kind()) + "的上级应为" + label(wanted) + "，" + parentCode + " 是" + label(parent.kind()));
            }
        }
        List<String> counties = tree.values().stream()
                .filter(u -> u.kind() == UnitKind.COUNTY)
                .map(Unit::code)
                .sorted()
                .toList();
        if (counties.size() > 1) {
            units.stream()
                    .filter(u -> u.kind() == UnitKind.COUNTY)
                    .forEach(u -> problems.add(
                            UNITS, rowOf.get(u.code()), UNIT_TYPE, "只能有一个县级单位：现有 " + String.join("、", counties)));
        }
    }

    private static boolean cycle(Unit unit, Map<String, Unit> tree) {
        Set<String> seen = new HashSet<>();
        for (Unit u = unit; u != null && u.parentCode() != null; u = tree.get(u.parentCode())) {
            if (!seen.add(u.code())) {
                return true;
            }
        }
        return false;
    }

    private static List<PersonRow> people(List<Row> rows, Map<String, Unit> tree, ImportProblems problems) {
        Map<String, Integer> rowOf = new HashMap<>();
        List<PersonRow> people = new ArrayList<>();
        for (Row row : rows) {
            int number = row.number();
            String id = row.get(USER_NAME);
            String name = row.get(PERSON_NAME);
            String phone = row.get(PHONE);
            String unitCode = row.get(UNIT_CODE);
            boolean ok = true;
            if (id.isEmpty()) {
                problems.add(PEOPLE, number, USER_NAME, "必须填写用户名");
                ok = false;
            } else if (!USER_ID_FORMAT.matcher(id).matches()) {
                problems.add(PEOPLE, number, USER_NAME, "用户名只能由小写字母、数字和连字符组成（如 gw-v0101、zhangsan）");
                ok = false;
            } else if (rowOf.containsKey(id)) {
                problems.add(
                        PEOPLE, number, USER_NAME, "用户名 " + id + " 重复：第 " + rowOf.get(id) + " 行已有（一人多个角色写在同一行，用顿号分隔）");
                ok = false;
            } else {
                rowOf.put(id, number);
            }
            if (name.isEmpty()) {
                problems.add(PEOPLE, number, PERSON_NAME, "必须填写姓名");
                ok = false;
            }
            if (!phone.isEmpty() && !MOBILE.matcher(phone).matches()) {
                problems.add(PEOPLE, number, PHONE, "手机号应为 11 位大陆手机号码（如 13800138000），可以不填");
                ok = false;
            }
            Unit unit = tree.get(unitCode);
            if (unitCode.isEmpty()) {
                problems.add(PEOPLE, number, UNIT_CODE, "必须填写单位编码");
                ok = false;
            } else if (unit == null) {
                problems.add(PEOPLE, number, UNIT_CODE, "单位 " + unitCode + " 不存在：请先在单位表中加上它");
                ok = false;
            }
            Set<Role> roles = roles(row, unit, problems);
            if (roles == null) {
                ok = false;
            }
            if (ok) {
                people.add(new PersonRow(number, id, name, phone.isEmpty() ? null : phone, unitCode, roles));
            }
        }
        return people;
    }

    /** The roles of a person's row, each allowed in the person's unit; {@code null} when any is not. */
    private static Set<Role> roles(Row row, Unit unit, ImportProblems problems) {
        String cell = row.get(ROLES);
        if (cell.isEmpty()) {
            problems.add(PEOPLE, row.number(), ROLES, "必须填写角色：" + String.join("、", ROLE_NAMES.keySet()));
            return null;
        }
        Set<Role> roles = new TreeSet<>();
        boolean ok = true;
        for (String label : ROLE_SEPARATORS.split(cell)) {
            Role role = ROLE_NAMES.get(label);
            if (ADMIN_LABEL.equals(label)) {
                problems.add(PEOPLE, row.number(), ROLES, "系统管理员不能通过导入授予：请由现有管理员在 Camunda 管理界面中设置");
                ok = false;
            } else if (role == null) {
                problems.add(
                        PEOPLE,
                        row.number(),
                        ROLES,
                        "未知的角色“" + label + "”：应为 " + String.join("、", ROLE_NAMES.keySet()));
                ok = false;
            } else if (unit != null && !allowedIn(role, unit)) {
                problems.add(
                        PEOPLE,
                        row.number(),
                        ROLES,
                        label + "应属于" + label(role.isUnitScoped() ? role.scope() : UnitKind.COUNTY) + "，单位 "
                                + unit.code() + "（" + unit.name() + "）是" + label(unit.kind()));
                ok = false;
            } else {
                roles.add(role);
            }
        }
        if (ok && roles.isEmpty()) {
            problems.add(PEOPLE, row.number(), ROLES, "必须填写角色：" + String.join("、", ROLE_NAMES.keySet()));
            return null;
        }
        return ok ? roles : null;
    }

    private static boolean allowedIn(Role role, Unit unit) {
        return role.isUnitScoped() ? unit.kind() == role.scope() : unit.kind() == UnitKind.COUNTY;
    }

    /** The groups a person's roles in their unit make: {@code grid-worker-v0101}, {@code leader}. */
    static Set<String> groupsOf(PersonRow person) {
        Set<String> groups = new TreeSet<>();
        person.roles()
                .forEach(role -> groups.add(role.isUnitScoped() ? role.groupIdIn(person.unitCode()) : role.groupId()));
        return groups;
    }

    /** The units as they will be: those known now, overlaid by the file's. */
    static Map<String, Unit> tree(List<Unit> known, List<Unit> imported) {
        Map<String, Unit> tree = new HashMap<>();
        known.forEach(u -> tree.put(u.code(), u));
        imported.forEach(u -> tree.put(u.code(), u));
        return tree;
    }

    static String label(UnitKind kind) {
        return switch (kind) {
            case COUNTY -> "县";
            case TOWN -> "镇/街道";
            case VILLAGE -> "村/社区";
            case DEPARTMENT -> "部门";
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
