package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opinions and objections posted on a topic's notices (table {@code deliberation_opinion}). */
@Repository
public class Opinions {

    /** One opinion; a representative's carries their user id. */
    public record Opinion(
            long id,
            long noticeId,
            String authorName,
            String phone,
            String userId,
            boolean objection,
            String content,
            Instant postedAt) {}

    private final JdbcClient jdbc;

    Opinions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(
            String no,
            long noticeId,
            String authorName,
            String phone,
            String userId,
            boolean objection,
            String content,
            Instant at,
            String formKey) {
        jdbc.sql("insert into deliberation_opinion (deliberation_no, notice_id, author_name, phone, user_id, objection,"
                        + " content, posted_at, form_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(no, noticeId, authorName, phone, userId, objection, content, utc(at), formKey)
                .update();
    }

    /** Whether the board's form with this one-time key was already stored on the topic. */
    boolean hasFormKey(String no, String formKey) {
        return jdbc.sql("select count(*) from deliberation_opinion where deliberation_no = ? and form_key = ?")
                        .params(no, formKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The topic's opinions, oldest first. */
    public List<Opinion> of(String no) {
        return jdbc.sql("select * from deliberation_opinion where deliberation_no = ? order by posted_at, id")
                .param(no)
                .query((rs, i) -> new Opinion(
                        rs.getLong("id"),
                        rs.getLong("notice_id"),
                        rs.getString("author_name"),
                        rs.getString("phone"),
                        rs.getString("user_id"),
                        rs.getBoolean("objection"),
                        rs.getString("content"),
                        instant(rs, "posted_at")))
                .list();
    }
}
