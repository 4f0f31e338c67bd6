package cn.lianxin.deliberation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The citizens' cases a topic grew from or took in (table {@code deliberation_case}). */
@Repository
class LinkedCases {

    private final JdbcClient jdbc;

    LinkedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void link(String no, String trackingNo) {
        if (jdbc.sql("select count(*) from deliberation_case where deliberation_no = ? and tracking_no = ?")
                        .params(no, trackingNo)
                        .query(Integer.class)
                        .single()
                == 0) {
            jdbc.sql("insert into deliberation_case (deliberation_no, tracking_no) values (?, ?)")
                    .params(no, trackingNo)
                    .update();
        }
    }

    List<String> of(String no) {
        return jdbc.sql("select tracking_no from deliberation_case where deliberation_no = ? order by tracking_no")
                .param(no)
                .query(String.class)
                .list();
    }

    List<Topic> topicsOfCase(String trackingNo) {
        return jdbc.sql("select " + prefixed("d") + " from deliberation d join deliberation_case c"
                        + " on c.deliberation_no = d.deliberation_no where c.tracking_no = ? order by d.created_at")
                .param(trackingNo)
                .query(Topics::topic)
                .list();
    }

    private static String prefixed(String alias) {
        return alias + "." + Topics.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
