package cn.lianxin.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's units, kept in the platform's own table {@code unit}. */
@Repository
public class Units {

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> all() {
        return jdbc.sql("select code, name, kind, parent_code from unit order by code")
                .query(Unit.class)
                .list();
    }

    public Optional<Unit> byCode(String code) {
        return jdbc.sql("select code, name, kind, parent_code from unit where code = ?")
                .param(code)
                .query(Unit.class)
                .optional();
    }

    /**
     * The villages whose work a member of these groups may follow: their own village for village
     * roles, a town's villages for its centre, {@code null} (every village) for leaders, supervisors
     * and administrators.
     */
    public Set<String> villagesVisibleTo(Collection<String> groupIds) {
        Set<String> villages = new HashSet<>();
        List<Unit> all = null;
        for (String group : groupIds == null ? List.<String>of() : groupIds) {
            Role role = Role.ofGroup(group).orElse(null);
            if (role == null) {
                continue;
            }
            if (role == Role.LEADER || role == Role.SUPERVISOR || role == Role.ADMIN) {
                return null;
            }
            if (role.scope() == UnitKind.VILLAGE) {
                Role.unitCodeOf(group).ifPresent(villages::add);
            } else if (role == Role.TOWN_CENTER) {
                String town = Role.unitCodeOf(group).orElseThrow();
                all = all == null ? all() : all;
                all.stream()
                        .filter(u -> u.kind() == UnitKind.VILLAGE && town.equals(u.parentCode()))
                        .forEach(u -> villages.add(u.code()));
            }
        }
        return villages;
    }

    /**
     * The villages whose cases (the case files, with their internal log) a member of these groups may
     * follow: as {@link #villagesVisibleTo}, except that deliberation representatives — residents
     * chosen to vote on topics, not case handlers — follow no case through that group.
     */
    public Set<String> caseVillagesVisibleTo(Collection<String> groupIds) {
        return villagesVisibleTo(
                groupIds == null
                        ? List.of()
                        : groupIds.stream()
                                .filter(group -> Role.ofGroup(group)
                                        .filter(r -> r == Role.DELIBERATION_REP)
                                        .isEmpty())
                                .toList());
    }

    /** Inserts the unit or brings an existing one up to date; safe to repeat. */
    @Transactional
    public void save(Unit unit) {
        int updated = jdbc.sql("update unit set name = ?, kind = ?, parent_code = ? where code = ?")
                .params(unit.name(), unit.kind().name(), unit.parentCode(), unit.code())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into unit (code, name, kind, parent_code) values (?, ?, ?, ?)")
                    .params(unit.code(), unit.name(), unit.kind().name(), unit.parentCode())
                    .update();
        }
    }
}
