package cn.lianxin.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.organisation.OrganisationRules.Roster;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The organisation file's rules without the platform: reading, checking, what a valid file means. */
class OrganisationRulesTests {

    private static final List<Unit> KNOWN = List.of(
            new Unit("c01", "示范县", UnitKind.COUNTY, null),
            new Unit("t01", "城关镇", UnitKind.TOWN, "c01"),
            new Unit("v0101", "东风社区", UnitKind.VILLAGE, "t01"),
            new Unit("cg", "城管", UnitKind.DEPARTMENT, "c01"));

    @Test
    void aCsvTableIsReadInUtf8WithOrWithoutBomAndInGb18030WithTheSpreadsheetsRowNumbers() {
        // given
        String csv = "用户名,姓名,手机号,单位编码,角色\r\n\"gw-x\",\"张三\",13800138000,v0101,网格员、站长\r\n";

        for (byte[] bytes : List.of(
                csv.getBytes(StandardCharsets.UTF_8),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv.getBytes(StandardCharsets.UTF_8)),
                csv.getBytes(Charset.forName("GB18030")))) {
            // when
            Roster roster = check(bytes, "people", true);

            // then
            assertThat(roster.people()).singleElement().satisfies(person -> {
                assertThat(person.row()).isEqualTo(2);
                assertThat(person.name()).isEqualTo("张三");
                assertThat(OrganisationRules.groupsOf(person))
                        .containsExactly("grid-worker-v0101", "station-head-v0101");
            });
        }
    }

    @Test
    void withKeycloakAPeopleTableIsRefusedAndUnitsAreImported() {
        // given
        byte[] people = "用户名,姓名,单位编码,角色\ngw-x,张三,v0101,网格员\n".getBytes(StandardCharsets.UTF_8);
        byte[] units = "单位编码,单位名称,单位类型,上级单位编码\nv0102,向阳村,村,t01\n".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> check(people, "people", false))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("Keycloak")));
        assertThat(check(units, "units", false).units())
                .containsExactly(new Unit("v0102", "向阳村", UnitKind.VILLAGE, "t01"));
    }

    @Test
    void aUnitKeepsItsKindAndTheCountyIsOne() {
        // given
        byte[] file = "单位编码,单位名称,单位类型,上级单位编码\nv0101,东风镇,镇,c01\nc02,第二县,县,\n".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> check(file, "units", true))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::row, ImportProblem::column)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2, "单位类型"),
                                org.assertj.core.groups.Tuple.tuple(3, "单位类型")));
    }

    @Test
    void aFormulaLookingCellIsRefusedEvenAfterSpaces() {
        // given
        byte[] file =
                "用户名,姓名,单位编码,角色\ngw-x,\" @SUM(1)\",v0101,网格员\ngw-y,\t李四,v0101,网格员\n".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> check(file, "people", true))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::row)
                        .containsExactly(2, 3));
    }

    private static Roster check(byte[] bytes, String kind, boolean peopleKeptHere) {
        ImportProblems problems = new ImportProblems();
        OrganisationTables.Tables tables = OrganisationTables.read(bytes, kind, problems);
        Roster roster = OrganisationRules.check(tables, KNOWN, peopleKeptHere, problems);
        problems.refuseIfAny();
        return roster;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
