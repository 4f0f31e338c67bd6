package cn.lianxin.identity;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation's units, kept in the platform's own table {@code unit}. The tree is small and read
 * on almost every request (visibility, names), so it is read whole once and kept: a change through
 * {@link #save} drops it on this node once the change is committed, and every node reads it afresh
 * after {@code lianxin.reference-data.max-age} (default one minute), so a change made on another
 * node, or in the table by hand, shows within that time.
 */
@Repository
public class Units {

    /** The whole tree as read at one moment. */
    private record Tree(List<Unit> all, Map<String, Unit> byCode) {
        static Tree of(List<Unit> units) {
            Map<String, Unit> byCode = new HashMap<>();
            units.forEach(unit -> byCode.put(unit.code(), unit));
            return new Tree(List.copyOf(units), Map.copyOf(byCode));
        }
    }

    private static final String TREE = "tree";

    private final JdbcClient jdbc;
    private final LoadingCache<String, Tree> tree;

    Units(JdbcClient jdbc, @Value("${lianxin.reference-data.max-age:PT1M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.tree = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .build(key -> Tree.of(jdbc.sql("select code, name, kind, parent_code from unit order by code")
                        // mapped by column, not by the record's names: Spring's record mapper asks for a
                        // column "parentCode" first, and H2 writes every such miss to its trace file
                        .query((rs, row) -> new Unit(
                                rs.getString("code"),
                                rs.getString("name"),
                                UnitKind.valueOf(rs.getString("kind")),
                                rs.getString("parent_code")))
                        .list()));
    }

    /** Every unit, ordered by code. */
    public List<Unit> all() {
        return tree.get(TREE).all();
    }

    public Optional<Unit> byCode(String code) {
        return Optional.ofNullable(code == null ? null : tree.get(TREE).byCode().get(code));
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
     * follow: as {@link #villagesVisibleTo}, except that deliberation representatives (residents
     * chosen to vote on topics) and the party branch's roles follow no case through those groups
     * ({@link Role#handlesCases}).
     */
    public Set<String> caseVillagesVisibleTo(Collection<String> groupIds) {
        return villagesVisibleTo(
                groupIds == null
                        ? List.of()
                        : groupIds.stream()
                                .filter(group -> Role.ofGroup(group)
                                        .filter(Role::handlesCases)
                                        .isPresent())
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
        forgetTheTree();
    }

    /**
     * Drops the kept tree now and again when the transaction ends: a request reading it in between
     * would otherwise keep the tree of before the change for the whole max-age.
     */
    private void forgetTheTree() {
        tree.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    tree.invalidateAll();
                }
            });
        }
    }
}
