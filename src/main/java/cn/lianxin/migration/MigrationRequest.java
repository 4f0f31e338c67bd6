package cn.lianxin.migration;

import cn.lianxin.citizen.RefusesUnknownFields;
import java.util.List;

/**
 * What to migrate: the model's key, the version its open cases are on and the version they move to,
 * and explicit mappings for activities whose id changed (the rest map to the activity of the same id).
 */
record MigrationRequest(String key, Integer fromVersion, Integer toVersion, List<Mapping> mappings)
        implements RefusesUnknownFields {

    /** An explicit mapping: the open step {@code from} of the old version continues at {@code to}. */
    record Mapping(String from, String to) implements RefusesUnknownFields {}

    List<Mapping> mappingsOrNone() {
        return mappings == null ? List.of() : mappings;
    }
}
