package cn.lianxin.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The demo world of DESIGN §2: 示范县 with two towns, three villages and seven departments, and
 * one user per role. Every demo user's password is {@code demo}.
 */
final class DemoWorld {

    static final String PASSWORD = "demo";

    /**
     * A demo user: id, the name people see, and the groups it belongs to. Names follow Chinese
     * order, 姓 (last name) then 名 (first name): the unit stands in the 姓 and the role in the 名,
     * so a demo name reads 东风社区议事代表1.
     */
    record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

    static final List<Unit> UNITS = List.of(
            new Unit("c01", "示范县", UnitKind.COUNTY, null),
            new Unit("t01", "城关镇", UnitKind.TOWN, "c01"),
            new Unit("t02", "河口镇", UnitKind.TOWN, "c01"),
            new Unit("v0101", "东风社区", UnitKind.VILLAGE, "t01"),
            new Unit("v0102", "向阳村", UnitKind.VILLAGE, "t01"),
            new Unit("v0201", "河口村", UnitKind.VILLAGE, "t02"),
            new Unit("cg", "城管", UnitKind.DEPARTMENT, "c01"),
            new Unit("jt", "交通", UnitKind.DEPARTMENT, "c01"),
            new Unit("mz", "民政", UnitKind.DEPARTMENT, "c01"),
            new Unit("rs", "人社", UnitKind.DEPARTMENT, "c01"),
            new Unit("zj", "住建", UnitKind.DEPARTMENT, "c01"),
            new Unit("sw", "水务", UnitKind.DEPARTMENT, "c01"),
            new Unit("wj", "卫健", UnitKind.DEPARTMENT, "c01"));

    private static final Map<String, String> UNIT_NAMES =
            UNITS.stream().collect(java.util.stream.Collectors.toMap(Unit::code, Unit::name));

    static final List<DemoUser> USERS = Stream.of(
                    Stream.of("v0101", "v0102", "v0201").map(v -> unitUser("gw-" + v, v, Role.GRID_WORKER)),
                    Stream.of("v0101", "v0201").map(v -> unitUser("head-" + v, v, Role.STATION_HEAD)),
                    Stream.of("t01", "t02").map(t -> unitUser("center-" + t, t, Role.TOWN_CENTER)),
                    Stream.of("cg", "jt", "zj", "mz").map(d -> unitUser("dept-" + d, d, Role.DEPT)),
                    Stream.of(
                            countyUser("supervisor", Role.SUPERVISOR),
                            countyUser("leader", Role.LEADER),
                            countyUser("designer", Role.PROCESS_DESIGNER),
                            countyUser("admin", Role.ADMIN),
                            countyUser("ops", Role.OPERATIONS),
                            unitUser("host-v0101", "v0101", Role.DELIBERATION_HOST)),
                    IntStream.rangeClosed(1, 5)
                            .mapToObj(i -> new DemoUser(
                                    "rep" + i,
                                    Role.DELIBERATION_REP.label() + i,
                                    UNIT_NAMES.get("v0101"),
                                    List.of(Role.DELIBERATION_REP.id() + "-v0101"))),
                    Stream.of("v0101", "v0201").map(v -> unitUser("sec-" + v, v, Role.BRANCH_SECRETARY)),
                    // party members pm1, pm2 of v0101 and pm3, pm4 of v0201
                    IntStream.rangeClosed(1, 4).mapToObj(i -> partyMember("pm" + i, i, i <= 2 ? "v0101" : "v0201")))
            .flatMap(s -> s)
            .toList();

    private DemoWorld() {}

    private static DemoUser unitUser(String id, String unitCode, Role role) {
        return new DemoUser(id, role.label(), UNIT_NAMES.get(unitCode), List.of(role.id() + "-" + unitCode));
    }

    private static DemoUser partyMember(String id, int number, String villageCode) {
        return new DemoUser(
                id,
                Role.PARTY_MEMBER.label() + number,
                UNIT_NAMES.get(villageCode),
                List.of(Role.PARTY_MEMBER.groupIdIn(villageCode)));
    }

    private static DemoUser countyUser(String id, Role role) {
        return new DemoUser(id, role.label(), UNIT_NAMES.get("c01"), List.of(role.groupId()));
    }
}
