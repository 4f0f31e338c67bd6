package cn.lianxin.appeal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 驾驶舱's daily roll-ups of the case facts ({@code appeal_day}, {@code appeal_day_count}, V26): per Beijing
 * day of intake and village — and per day and department for the cases a department took a part of — the
 * counts and sums the cockpit's figures add up, so a year's figures read a few thousand rows instead of
 * every case.
 *
 * <p>{@link CaseFacts} keeps them in the transaction that changes a fact: it locks the fact row, reads the
 * case's contribution, changes the fact, reads the contribution again and adds the difference to each row
 * it touches with an upsert ({@code x = x + delta}), in one fixed order of rows — so two transactions
 * touching the same row add up instead of overwriting each other. A transaction may change facts more
 * than once (a case closed, then evaluated): its differences are gathered and added once, just before it
 * commits, in that one order ({@link Gathered}), so writers never wait for each other in a circle.
 * {@link #rebuild()} recomputes every row from {@code appeal_fact}: the migration's backfill, and what to
 * run after facts were fixed in bulk by SQL.
 */
@Repository
public class DailyTallies {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static final String VILLAGE = "VILLAGE";

    static final String DEPT = "DEPT";

    /** The tallies' columns of {@code appeal_day}, in the order of {@link Contribution#tallies()}. */
    static final List<String> TALLIES = List.of(
            "received",
            "responded_in_time",
            "closed",
            "closed_on_time",
            "closed_days_sum",
            "closed_days_count",
            "evaluated",
            "satisfied",
            "reopened",
            "closed_once",
            "returned",
            "supervised",
            "supervised_closed",
            "supervised_open");

    private static final String FACT_COLUMNS = "f.received_at, f.village_code, f.channel, f.category, f.path,"
            + " f.responded_in_time, f.status, f.ever_red, f.working_days, f.satisfaction, f.reopen_count,"
            + " f.supervised";

    private static final String REASONS =
            " from appeal_fact f join appeal_fact_return_reason r on r.tracking_no = f.tracking_no";

    private static final String DAY_KEY = "received_on, unit_kind, unit_code";

    private static final String COUNT_KEY = "received_on, unit_kind, unit_code, dimension, item";

    private static final int BATCH = 1000;

    /** A row of {@code appeal_day}. */
    record DayKey(LocalDate day, String kind, String unit) {}

    /** A row of {@code appeal_day_count}. */
    record CountKey(LocalDate day, String kind, String unit, String dimension, String item) {}

    private static final Comparator<DayKey> DAY_ORDER =
            Comparator.comparing(DayKey::day).thenComparing(DayKey::kind).thenComparing(DayKey::unit);

    private static final Comparator<CountKey> COUNT_ORDER = Comparator.comparing(CountKey::day)
            .thenComparing(CountKey::kind)
            .thenComparing(CountKey::unit)
            .thenComparing(CountKey::dimension)
            .thenComparing(CountKey::item);

    /** A unit a case counts for: its village, or a department that took a part of it. */
    record Unit(String kind, String code) {}

    /**
     * What one case adds to the roll-ups: its day, the units it counts for, its breakdown, the reasons told
     * if it was returned, and its tallies.
     */
    record Contribution(
            LocalDate day,
            List<Unit> units,
            List<String> reasons,
            String channel,
            String category,
            String path,
            long[] tallies) {

        /** The fact row's contribution to its village's rows and to those of {@code departments}. */
        static Contribution of(ResultSet fact, List<String> departments, List<String> reasons) throws SQLException {
            OffsetDateTime received = fact.getObject(1, OffsetDateTime.class);
            String status = fact.getString(7);
            boolean closed = AppealStatus.CLOSED.name().equals(status);
            boolean open = AppealStatus.OPEN.name().equals(status);
            boolean everRed = fact.getBoolean(8);
            int workingDays = fact.getInt(9);
            boolean daysKnown = !fact.wasNull();
            String satisfaction = fact.getString(10);
            boolean reopened = fact.getInt(11) > 0;
            boolean supervised = fact.getBoolean(12);
            long[] tallies = {
                1,
                one(fact.getBoolean(6)),
                one(closed),
                one(closed && !everRed),
                closed && daysKnown ? workingDays : 0,
                one(closed && daysKnown),
                one(satisfaction != null),
                one("SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction)),
                one(reopened),
                one(closed || reopened),
                one(AppealStatus.RETURNED.name().equals(status)),
                one(supervised),
                one(supervised && closed),
                one(supervised && open)
            };
            List<Unit> units = new ArrayList<>();
            units.add(new Unit(VILLAGE, fact.getString(2)));
            departments.forEach(dept -> units.add(new Unit(DEPT, dept)));
            return new Contribution(
                    received.atZoneSameInstant(BEIJING).toLocalDate(),
                    units,
                    // only a returned case's reasons are counted (as the figures did before the roll-ups)
                    AppealStatus.RETURNED.name().equals(status) ? reasons : List.of(),
                    fact.getString(3),
                    fact.getString(4),
                    fact.getString(5),
                    tallies);
        }

        /** Adds {@code sign} × this case to the rows it counts in. */
        void addTo(Map<DayKey, long[]> days, Map<CountKey, Long> counts, int sign) {
            for (Unit unit : units) {
                long[] sums = days.computeIfAbsent(
                        new DayKey(day, unit.kind(), unit.code()), key -> new long[TALLIES.size()]);
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += sign * tallies[i];
                }
                counts.merge(new CountKey(day, unit.kind(), unit.code(), "CHANNEL", channel), (long) sign, Long::sum);
                counts.merge(new CountKey(day, unit.kind(), unit.code(), "CATEGORY", category), (long) sign, Long::sum);
                if (path != null) {
                    counts.merge(new CountKey(day, unit.kind(), unit.code(), "PATH", path), (long) sign, Long::sum);
                }
                for (String reason : reasons) {
                    counts.merge(new CountKey(day, unit.kind(), unit.code(), "REASON", reason), (long) sign, Long::sum);
                }
            }
        }

        /** The same case counted for one unit only, without its reasons (a rebuild reads those apart). */
        Contribution forUnit(Unit unit) {
            return new Contribution(day, List.of(unit), List.of(), channel, category, path, tallies);
        }

        private static long one(boolean condition) {
            return condition ? 1 : 0;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String addToDay;
    private final String addToCount;

    DailyTallies(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        boolean postgres = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) DailyTallies::postgres));
        this.addToDay = postgres ? upsert("appeal_day", DAY_KEY, TALLIES) : merge("appeal_day", DAY_KEY, TALLIES);
        this.addToCount = postgres
                ? upsert("appeal_day_count", COUNT_KEY, List.of("cases"))
                : merge("appeal_day_count", COUNT_KEY, List.of("cases"));
    }

    /**
     * The case's contribution as it stands, its fact row locked first and until the transaction ends (so no
     * other change of the case comes between this and {@link #moved}); none before intake.
     */
    Optional<Contribution> locked(String trackingNo) {
        jdbc.sql("select tracking_no from appeal_fact where tracking_no = ? for update")
                .param(trackingNo)
                .query(String.class)
                .list();
        return current(trackingNo);
    }

    /**
     * Takes the case's old contribution out of its rows and puts the new one in; rows that do not change are
     * left. Inside a transaction the differences are gathered and added once, just before it commits, all
     * rows in one order ({@link Gathered}); outside one they are added at once.
     */
    void moved(Optional<Contribution> before, Optional<Contribution> after) {
        Optional<Gathered> gathered = gathering();
        Map<DayKey, long[]> days = gathered.map(g -> g.days).orElseGet(() -> new TreeMap<>(DAY_ORDER));
        Map<CountKey, Long> counts = gathered.map(g -> g.counts).orElseGet(() -> new TreeMap<>(COUNT_ORDER));
        before.ifPresent(contribution -> contribution.addTo(days, counts, -1));
        after.ifPresent(contribution -> contribution.addTo(days, counts, 1));
        if (gathered.isEmpty()) {
            add(days, counts);
        }
    }

    /**
     * Makes sure the current transaction gathers its differences until it commits (a step whose own
     * before-commit work changes facts, like {@link CaseLights}, asks for it while the step runs: what is
     * first registered while a transaction commits would not be called).
     */
    void gatherUntilCommit() {
        gathering();
    }

    /** The current transaction's gathered differences; none outside a transaction or once they were added. */
    private Optional<Gathered> gathering() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Gathered gathered && gathered.owner == this) {
                return gathered.added ? Optional.empty() : Optional.of(gathered);
            }
        }
        Gathered gathered = new Gathered(this);
        TransactionSynchronizationManager.registerSynchronization(gathered);
        return Optional.of(gathered);
    }

    /** Adds the differences to their rows, in the one order of rows every writer follows. */
    private void add(Map<DayKey, long[]> days, Map<CountKey, Long> counts) {
        days.forEach((key, sums) -> {
            if (java.util.Arrays.stream(sums).anyMatch(sum -> sum != 0)) {
                List<Object> params = new ArrayList<>(List.of(key.day(), key.kind(), key.unit()));
                for (long sum : sums) {
                    params.add(sum);
                }
                jdbc.sql(addToDay).params(params).update();
            }
        });
        counts.forEach((key, cases) -> {
            if (cases != 0) {
                jdbc.sql(addToCount)
                        .params(key.day(), key.kind(), key.unit(), key.dimension(), key.item(), cases)
                        .update();
            }
        });
    }

    /**
     * A transaction's differences to the roll-ups, added once as the last thing before it commits. Every
     * transaction thus takes its roll-up rows last and in one order: two transactions wait for each other
     * at most, never in a circle (they did when each change added its rows at once — a case closed, then
     * evaluated, in two concurrent joint cases, crossing on new day rows). Runs after the other
     * before-commit work, which may still change facts.
     */
    private static final class Gathered implements TransactionSynchronization {

        private final DailyTallies owner;
        private final Map<DayKey, long[]> days = new TreeMap<>(DAY_ORDER);
        private final Map<CountKey, Long> counts = new TreeMap<>(COUNT_ORDER);
        private boolean added;

        Gathered(DailyTallies owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            added = true;
            owner.add(days, counts);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Recomputes every roll-up row from {@code appeal_fact} (after facts were changed in bulk by SQL). On
     * PostgreSQL the roll-up tables are locked against writers meanwhile: a step that changes a fact
     * during the rebuild waits, then adds its difference to the rebuilt rows. One transaction: readers see
     * the old rows until the new ones are whole.
     */
    @Transactional
    public void rebuild() {
        template.execute((ConnectionCallback<Void>) connection -> {
            rebuild(connection);
            return null;
        });
    }

    /** {@link #rebuild()} on a connection of its own (the migration's backfill, V26_1). */
    public static void rebuild(Connection connection) throws SQLException {
        Map<DayKey, long[]> days = new TreeMap<>(DAY_ORDER);
        Map<CountKey, Long> counts = new TreeMap<>(COUNT_ORDER);
        try (Statement statement = connection.createStatement()) {
            if (postgres(connection)) {
                statement.execute("lock table appeal_day, appeal_day_count in exclusive mode");
            }
            statement.execute("delete from appeal_day_count");
            statement.execute("delete from appeal_day");
            statement.setFetchSize(BATCH);
            // each case once for its village, and once more for each department that took a part of it
            try (ResultSet facts = statement.executeQuery("select " + FACT_COLUMNS + ", null from appeal_fact f"
                    + " union all select " + FACT_COLUMNS + ", d.dept_code from appeal_fact f"
                    + " join appeal_fact_dept d on d.tracking_no = f.tracking_no")) {
                while (facts.next()) {
                    String dept = facts.getString(13);
                    Contribution contribution = Contribution.of(facts, List.of(), List.of());
                    if (dept != null) {
                        contribution = contribution.forUnit(new Unit(DEPT, dept));
                    }
                    contribution.addTo(days, counts, 1);
                }
            }
            // and the reasons told on the returned ones, read apart: a case has several or none
            try (ResultSet reasons = statement.executeQuery("select f.received_at, f.village_code, null, r.reason"
                    + REASONS + " where f.status = 'RETURNED' union all select f.received_at, null, d.dept_code,"
                    + " r.reason" + REASONS + " join appeal_fact_dept d on d.tracking_no = f.tracking_no"
                    + " where f.status = 'RETURNED'")) {
                while (reasons.next()) {
                    LocalDate day = reasons.getObject(1, OffsetDateTime.class)
                            .atZoneSameInstant(BEIJING)
                            .toLocalDate();
                    Unit unit = reasons.getString(2) != null
                            ? new Unit(VILLAGE, reasons.getString(2))
                            : new Unit(DEPT, reasons.getString(3));
                    counts.merge(
                            new CountKey(day, unit.kind(), unit.code(), "REASON", reasons.getString(4)), 1L, Long::sum);
                }
            }
        }
        insert(
                connection,
                "insert into appeal_day (" + DAY_KEY + ", " + String.join(", ", TALLIES) + ") values ("
                        + marks(3 + TALLIES.size()) + ")",
                days.entrySet().stream()
                        .map(day -> {
                            List<Object> row = new ArrayList<>(List.of(
                                    day.getKey().day(),
                                    day.getKey().kind(),
                                    day.getKey().unit()));
                            for (long sum : day.getValue()) {
                                row.add(sum);
                            }
                            return row;
                        })
                        .toList());
        insert(
                connection,
                "insert into appeal_day_count (" + COUNT_KEY + ", cases) values (" + marks(6) + ")",
                counts.entrySet().stream()
                        .map(count -> List.<Object>of(
                                count.getKey().day(),
                                count.getKey().kind(),
                                count.getKey().unit(),
                                count.getKey().dimension(),
                                count.getKey().item(),
                                count.getValue()))
                        .toList());
    }

    /** The case's contribution as it stands now. */
    Optional<Contribution> current(String trackingNo) {
        List<String> departments = jdbc.sql("select dept_code from appeal_fact_dept where tracking_no = ?")
                .param(trackingNo)
                .query(String.class)
                .list();
        List<String> reasons = jdbc.sql("select reason from appeal_fact_return_reason where tracking_no = ?")
                .param(trackingNo)
                .query(String.class)
                .list();
        return jdbc.sql("select " + FACT_COLUMNS + " from appeal_fact f where f.tracking_no = ?")
                .param(trackingNo)
                .query((rs, i) -> Contribution.of(rs, departments, reasons))
                .optional();
    }

    private static void insert(Connection connection, String sql, List<List<Object>> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    insert.setObject(i + 1, row.get(i));
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** PostgreSQL's upsert: a row that exists gets the deltas added, under its row lock. */
    private static String upsert(String table, String key, List<String> sums) {
        return "insert into " + table + " (" + key + ", " + String.join(", ", sums) + ") values ("
                + marks(key.split(", ").length + sums.size()) + ") on conflict (" + key + ") do update set "
                + sums.stream()
                        .map(c -> c + " = " + table + "." + c + " + excluded." + c)
                        .collect(Collectors.joining(", "));
    }

    /** H2's (the zero-setup run's) {@code MERGE}, which adds alike; H2 runs in this one JVM. */
    private static String merge(String table, String key, List<String> sums) {
        List<String> keys = List.of(key.split(", "));
        List<String> all = new ArrayList<>(keys);
        all.addAll(sums);
        String source = all.stream()
                .map(c -> "cast(? as "
                        + (c.equals("received_on") ? "date" : sums.contains(c) ? "bigint" : "varchar(32)") + ") " + c)
                .collect(Collectors.joining(", "));
        return "merge into " + table + " t using (select " + source + ") s on ("
                + keys.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" and "))
                + ") when matched then update set "
                + sums.stream().map(c -> c + " = t." + c + " + s." + c).collect(Collectors.joining(", "))
                + " when not matched then insert (" + String.join(", ", all) + ") values ("
                + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
