package cn.lianxin.evidence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default store: one row per photo in {@code photo_content}, written in the caller's transaction. */
class DatabasePhotoStore implements PhotoStore {

    private final JdbcClient jdbc;

    DatabasePhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String key, byte[] jpeg) {
        jdbc.sql("insert into photo_content (photo_key, content) values (?, ?)")
                .params(PhotoStore.checked(key), jpeg)
                .update();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return jdbc.sql("select content from photo_content where photo_key = ?")
                .param(PhotoStore.checked(key))
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }

    @Override
    public void delete(String key) {
        jdbc.sql("delete from photo_content where photo_key = ?")
                .param(PhotoStore.checked(key))
                .update();
    }
}
