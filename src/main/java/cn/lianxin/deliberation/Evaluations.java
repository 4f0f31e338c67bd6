package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public's evaluations of an implemented topic (table {@code deliberation_evaluation}). */
@Repository
class Evaluations {

    record Evaluation(String satisfaction, String comment, boolean byProposer, Instant postedAt) {}

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String no, String satisfaction, String comment, boolean byProposer, Instant at) {
        jdbc.sql("insert into deliberation_evaluation (deliberation_no, satisfaction, comment, by_proposer, posted_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(no, satisfaction, comment, byProposer, utc(at))
                .update();
    }

    List<Evaluation> of(String no) {
        return jdbc.sql("select * from deliberation_evaluation where deliberation_no = ? order by posted_at, id")
                .param(no)
                .query((rs, i) -> new Evaluation(
                        rs.getString("satisfaction"),
                        rs.getString("comment"),
                        rs.getBoolean("by_proposer"),
                        instant(rs, "posted_at")))
                .list();
    }

    /** How many evaluations of each satisfaction the topic received. */
    Map<String, Long> counts(String no) {
        return of(no).stream().collect(Collectors.groupingBy(Evaluation::satisfaction, Collectors.counting()));
    }
}
