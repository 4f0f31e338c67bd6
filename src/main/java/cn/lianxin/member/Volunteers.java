package cn.lianxin.member;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The villages' volunteers (志愿者名册, table {@code volunteer}) as the service orders ask about them: only an
 * active volunteer of the order's village may be dispatched it.
 */
@Service
public class Volunteers {

    private final JdbcClient jdbc;

    Volunteers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The volunteer if they are active in this village; empty for a retired one, another village's, or none. */
    public Optional<Volunteer> activeIn(Long volunteerId, String villageCode) {
        if (volunteerId == null || villageCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, village_code, name, skills, availability from volunteer"
                        + " where id = ? and village_code = ? and status = ?")
                .params(volunteerId, villageCode, VolunteerStatus.ACTIVE.name())
                .query(Volunteers::volunteer)
                .optional();
    }

    /** The village's active volunteers, by name: whom its branch secretary may dispatch an order to. */
    public List<Volunteer> activeOf(String villageCode) {
        return jdbc.sql("select id, village_code, name, skills, availability from volunteer"
                        + " where village_code = ? and status = ? order by name, id")
                .params(villageCode, VolunteerStatus.ACTIVE.name())
                .query(Volunteers::volunteer)
                .list();
    }

    /** The volunteer's name whatever their status (an order served before they retired still names them). */
    public Optional<String> nameOf(long volunteerId) {
        return jdbc.sql("select name from volunteer where id = ?")
                .param(volunteerId)
                .query(String.class)
                .optional();
    }

    private static Volunteer volunteer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Volunteer(
                rs.getLong("id"),
                rs.getString("village_code"),
                rs.getString("name"),
                rs.getString("skills"),
                rs.getString("availability"));
    }
}
