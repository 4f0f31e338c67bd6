package cn.lianxin.evidence;

import java.util.Optional;

/**
 * Where the re-encoded photos' bytes are kept, by a key the caller chooses (a UUID). Adapters: the
 * database (table {@code photo_content}, default, inside the caller's transaction), a directory
 * ({@code lianxin.photos.store=file}) and an S3-compatible bucket ({@code s3}); see docs/evidence.md.
 */
public interface PhotoStore {

    /** Keeps these bytes under this key (a new key: a photo is never changed, only added or removed). */
    void put(String key, byte[] jpeg);

    /** The bytes kept under this key, if any. */
    Optional<byte[]> get(String key);

    /** Removes what is kept under this key; nothing happens for an unknown key. */
    void delete(String key);

    /** Keys are lower-case UUIDs: nothing a client sends can name a path or a row of its own choosing. */
    static String checked(String key) {
        if (key == null || !key.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a photo key");
        }
        return key;
    }
}
