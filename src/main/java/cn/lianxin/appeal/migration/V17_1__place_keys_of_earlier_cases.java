package cn.lianxin.appeal.migration;

import cn.lianxin.appeal.PlaceKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The cases taken in before the hotspots (V17) get the key of their place, computed by the same rule
 * as at intake ({@link PlaceKey}: Unicode normalisation, which SQL cannot do alike on PostgreSQL and H2).
 */
public class V17_1__place_keys_of_earlier_cases extends org.flywaydb.core.api.migration.BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement update =
                        connection.prepareStatement("update appeal_fact set place_key = ? where tracking_no = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet cases = select.executeQuery(
                    "select a.tracking_no, a.location from appeal a join appeal_fact f on f.tracking_no = a.tracking_no"
                            + " where a.location is not null")) {
                while (cases.next()) {
                    String key = PlaceKey.of(cases.getString(2));
                    if (key == null) {
                        continue;
                    }
                    update.setString(1, key);
                    update.setString(2, cases.getString(1));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
