package cn.lianxin.deliberation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.support.KeyHolder;

/** How the deliberation tables store time and ids, shared by the repositories of each table group. */
final class Rows {

    private Rows() {}

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The generated id (PostgreSQL names the key column in lower case, H2 in upper case). */
    static long id(KeyHolder key) {
        return ((Number) key.getKeys().get(key.getKeys().containsKey("id") ? "id" : "ID")).longValue();
    }
}
