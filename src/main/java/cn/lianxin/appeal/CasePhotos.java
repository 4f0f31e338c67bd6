package cn.lianxin.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code appeal_photo}: which case a photo belongs to, its stage, size and who added it. */
@Repository
class CasePhotos {

    record Row(
            String id,
            String trackingNo,
            PhotoStage stage,
            int width,
            int height,
            int byteSize,
            String addedBy,
            Instant addedAt) {}

    private static final String COLUMNS = "id, tracking_no, stage, width, height, byte_size, added_by, added_at";

    private final JdbcClient jdbc;

    CasePhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the case's row until the transaction ends, so two uploads at once cannot both pass the
     * count and exceed the limit together.
     */
    void lockCase(String trackingNo) {
        jdbc.sql("select tracking_no from appeal where tracking_no = ? for update")
                .param(trackingNo)
                .query(String.class)
                .optional();
    }

    int count(String trackingNo, PhotoStage stage) {
        return jdbc.sql("select count(*) from appeal_photo where tracking_no = ? and stage = ?")
                .params(trackingNo, stage.name())
                .query(Integer.class)
                .single();
    }

    void add(Row row) {
        jdbc.sql("insert into appeal_photo (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.trackingNo(),
                        row.stage().name(),
                        row.width(),
                        row.height(),
                        row.byteSize(),
                        row.addedBy(),
                        row.addedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The case's photos of these stages, oldest first. */
    List<Row> of(String trackingNo, Collection<PhotoStage> stages) {
        if (stages.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from appeal_photo where tracking_no = :case and stage in (:stages)"
                        + " order by added_at, id")
                .param("case", trackingNo)
                .param("stages", stages.stream().map(PhotoStage::name).toList())
                .query((rs, i) -> row(rs))
                .list();
    }

    /** One photo, only if it belongs to this case. */
    Optional<Row> one(String trackingNo, String id) {
        return jdbc.sql("select " + COLUMNS + " from appeal_photo where tracking_no = ? and id = ?")
                .params(trackingNo, id)
                .query((rs, i) -> row(rs))
                .optional();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                PhotoStage.valueOf(rs.getString(3)),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
