package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.Rows.instant;
import static cn.lianxin.deliberation.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notices on the units' boards (table {@code deliberation_notice}). */
@Repository
class Notices {

    record Notice(
            long id,
            String deliberationNo,
            String villageCode,
            NoticeKind kind,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            Instant closedAt,
            Instant meetingAt,
            Boolean onTime) {

        boolean openAt(Instant at) {
            return closesAt != null && closedAt == null && !at.isBefore(opensAt) && at.isBefore(closesAt);
        }
    }

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(
            String no,
            String villageCode,
            NoticeKind kind,
            String title,
            String body,
            Instant opensAt,
            Instant closesAt,
            Instant meetingAt,
            Boolean onTime) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into deliberation_notice (deliberation_no, village_code, kind, title, body, opens_at,"
                        + " closes_at, meeting_at, on_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(no, villageCode, kind.name(), title, body, utc(opensAt), utc(closesAt), utc(meetingAt), onTime)
                .update(key, "id");
        return Rows.id(key);
    }

    /** A notice that stays up without a period (a rejection, a merger, a progress report). */
    long post(String no, String villageCode, NoticeKind kind, String title, String body, Instant at) {
        return open(no, villageCode, kind, title, body, at, null, null, null);
    }

    void close(long id, Instant at) {
        jdbc.sql("update deliberation_notice set closed_at = ? where id = ? and closed_at is null")
                .params(utc(at), id)
                .update();
    }

    Optional<Notice> byId(long id) {
        return jdbc.sql("select * from deliberation_notice where id = ?")
                .param(id)
                .query(Notices::notice)
                .optional();
    }

    List<Notice> ofTopic(String no) {
        return jdbc.sql("select * from deliberation_notice where deliberation_no = ? order by opens_at, id")
                .param(no)
                .query(Notices::notice)
                .list();
    }

    /**
     * A village's notices, newest first (by opening, then id), after the notice {@code after} when
     * given, at most {@code limit}: one range of the index {@code deliberation_notice_newest}.
     */
    List<Notice> ofUnit(String villageCode, Notice after, int limit) {
        return after == null
                ? jdbc.sql("select * from deliberation_notice where village_code = ?"
                                + " order by opens_at desc, id desc limit ?")
                        .params(villageCode, limit)
                        .query(Notices::notice)
                        .list()
                : jdbc.sql("select * from deliberation_notice where village_code = ? and (opens_at, id) < (?, ?)"
                                + " order by opens_at desc, id desc limit ?")
                        .params(villageCode, utc(after.opensAt()), after.id(), limit)
                        .query(Notices::notice)
                        .list();
    }

    /** The latest of these notices of the given kinds that is open at the time. */
    static Optional<Notice> openOf(List<Notice> notices, Instant at, NoticeKind... kinds) {
        List<NoticeKind> wanted = List.of(kinds);
        return notices.stream()
                .filter(n -> wanted.contains(n.kind()) && n.openAt(at))
                .max(Comparator.comparing(Notice::opensAt));
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getLong("id"),
                rs.getString("deliberation_no"),
                rs.getString("village_code"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                instant(rs, "opens_at"),
                instant(rs, "closes_at"),
                instant(rs, "closed_at"),
                instant(rs, "meeting_at"),
                (Boolean) rs.getObject("on_time"));
    }
}
