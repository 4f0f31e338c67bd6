package cn.lianxin.appeal;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cases with an open task at one step of the appeal, newest first, a page at a time (keyset on
 * submission time and number): what a click on a node of the live diagram lists. The caller has
 * already checked that the unit is theirs; this reads the cases of its villages or of its group.
 */
@Service
public class CasesAtStep {

    /** One case as the cockpit's lists show it (personal data left out). */
    public record Item(
            String trackingNo,
            String categoryLabel,
            String villageName,
            String pathLabel,
            String statusLabel,
            String light,
            String lightLabel,
            Instant createdAt) {

        /** A case's row as stored (codes) in the words the lists show; unknown codes shown as they are. */
        public static Item of(
                String trackingNo,
                String category,
                String villageCode,
                String path,
                String status,
                String light,
                Instant createdAt,
                Units units) {
            TrafficLight shown = TrafficLight.valueOf(light);
            return new Item(
                    trackingNo,
                    Category.ofCode(category).map(Category::label).orElse(category),
                    units.byCode(villageCode).map(Unit::name).orElse(villageCode),
                    Path.of(path).map(Path::label).orElse(null),
                    AppealStatus.valueOf(status).label(),
                    shown.name(),
                    shown.label(),
                    createdAt);
        }
    }

    private final JdbcClient jdbc;
    private final Units units;

    CasesAtStep(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The condition (starting with {@code and}) that keeps the open tasks {@code alias} of these
     * villages ({@code null}: all) or given to this candidate group ({@code null}: any), its values put
     * into {@code params}.
     */
    public static String taskScope(String alias, Set<String> villages, String group, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (villages != null) {
            params.put("villages", villages.isEmpty() ? List.of("") : List.copyOf(villages));
            // the task's place: its tenant, or the place of a department's work (jt-v0101: UnitTenants)
            where.append(" and substring(")
                    .append(alias)
                    .append(".tenant_id_ from position('-' in ")
                    .append(alias)
                    .append(".tenant_id_) + 1) in (:villages)");
        }
        if (group != null) {
            params.put("group", group);
            where.append(" and exists (select 1 from act_ru_identitylink l where l.task_id_ = ")
                    .append(alias)
                    .append(".id_ and l.type_ = 'candidate' and l.group_id_ = :group)");
        }
        return where.toString();
    }

    /**
     * A page after the case {@code before} (the {@code next} of the page before), which must itself be
     * one of the cases listed; two statements at most whatever the size.
     */
    public ListPage<Item> list(String activityId, Set<String> villages, String group, String before, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("activity", activityId);
        // from the node's open tasks to their cases by primary keys (the instance, its business key):
        // the cost follows the tasks open at the node, not the number of cases
        String atStep = " a.tracking_no in (select e.business_key_ from act_ru_task t"
                + " join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where t.task_def_key_ = :activity" + taskScope("t", villages, group, params) + ")";
        String after = "";
        if (before != null) {
            Map<String, Object> position = new HashMap<>(params);
            position.put("before", before);
            Timestamp at = before.length() > 32
                    ? null
                    : jdbc.sql("select a.created_at from appeal a where a.tracking_no = :before and" + atStep)
                            .params(position)
                            .query(Timestamp.class)
                            .optional()
                            .orElse(null);
            if (at == null) {
                throw ApiProblemException.invalid(
                        List.of(new ApiProblemException.FieldError("before", "应为上一页 next 给出的受理编号")));
            }
            params.put("beforeAt", at);
            params.put("before", before);
            after = " and (a.created_at < :beforeAt or (a.created_at = :beforeAt and a.tracking_no < :before))";
        }
        params.put("fetch", size + 1);
        List<Item> fetched = jdbc.sql("select a.tracking_no, a.category, a.village_code, a.path, a.status, a.light,"
                        + " a.created_at from appeal a where" + atStep + after
                        + " order by a.created_at desc, a.tracking_no desc limit :fetch")
                .params(params)
                .query((rs, row) -> Item.of(
                        rs.getString("tracking_no"),
                        rs.getString("category"),
                        rs.getString("village_code"),
                        rs.getString("path"),
                        rs.getString("status"),
                        rs.getString("light"),
                        rs.getTimestamp("created_at").toInstant(),
                        units))
                .list();
        return ListPage.after(fetched, size, Item::trackingNo);
    }
}
