package cn.lianxin.member;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The party members registered with each community (在职党员到社区报到, table {@code party_member}), as the
 * service orders ask about them: only a member the village's branch secretary has confirmed may be
 * dispatched an order there.
 */
@Service
public class PartyMembers {

    private final JdbcClient jdbc;

    PartyMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user is a confirmed member of this village (may be dispatched its orders). */
    public boolean confirmedIn(String userId, String villageCode) {
        if (userId == null || villageCode == null) {
            return false;
        }
        return jdbc.sql("select count(*) from party_member where user_id = ? and village_code = ? and status = ?")
                        .params(userId, villageCode, MemberStatus.CONFIRMED.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The village's confirmed members, by name: whom its branch secretary may dispatch an order to. */
    public List<PartyMember> confirmedOf(String villageCode) {
        return jdbc.sql("select user_id, name, village_code, employer, skills, availability from party_member"
                        + " where village_code = ? and status = ? order by name, user_id")
                .params(villageCode, MemberStatus.CONFIRMED.name())
                .query((rs, i) -> new PartyMember(
                        rs.getString("user_id"),
                        rs.getString("name"),
                        rs.getString("village_code"),
                        rs.getString("employer"),
                        rs.getString("skills"),
                        rs.getString("availability")))
                .list();
    }
}
