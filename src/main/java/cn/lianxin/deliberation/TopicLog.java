package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A topic's log (table {@code deliberation_log}): every turn, the public ones shown on its record. */
@Repository
public class TopicLog {

    record LogEntry(Instant at, String actor, String kind, String entry, boolean shownToPublic) {}

    private final JdbcClient jdbc;

    TopicLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts one turn of the topic on record; {@code shownToPublic} entries appear on its public timeline. */
    public void log(String no, Instant at, String actor, String kind, String entry, boolean shownToPublic) {
        jdbc.sql("insert into deliberation_log (deliberation_no, logged_at, actor, kind, entry, shown_to_public)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(no, utc(at), actor, kind, entry, shownToPublic)
                .update();
    }

    List<LogEntry> of(String no, boolean publicOnly) {
        return jdbc.sql("select logged_at, actor, kind, entry, shown_to_public from deliberation_log"
                        + " where deliberation_no = ?" + (publicOnly ? " and shown_to_public" : "")
                        + " order by logged_at, id")
                .param(no)
                .query((rs, i) -> new LogEntry(
                        instant(rs, "logged_at"),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("entry"),
                        rs.getBoolean("shown_to_public")))
                .list();
    }
}
