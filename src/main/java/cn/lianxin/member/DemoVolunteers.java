package cn.lianxin.member;

import cn.lianxin.workflow.EngineClock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's volunteers: two per village, registered by the station, with no account (the Keycloak realm
 * and Camunda's users are unchanged). Seeded once the demo units exist (after {@code identity/Organisation}
 * at start-up); idempotent, so a restart adds none.
 */
@Component
class DemoVolunteers {

    record DemoVolunteer(String villageCode, String name, String phone, String skills, String availability) {}

    static final List<DemoVolunteer> VOLUNTEERS = List.of(
            new DemoVolunteer("v0101", "刘秀英", "13900000101", "上门理发、陪老人聊天", "周末上午"),
            new DemoVolunteer("v0101", "陈志强", "13900000102", "水电维修", "工作日晚上"),
            new DemoVolunteer("v0102", "赵桂芳", "13900000103", "代购代办", "每天下午"),
            new DemoVolunteer("v0102", "孙建华", "13900000104", "农机维修", "农闲时"),
            new DemoVolunteer("v0201", "周玉兰", "13900000105", "助老陪护", "周二、周四"),
            new DemoVolunteer("v0201", "吴海涛", "13900000106", "家电维修", "周末"));

    private final JdbcClient jdbc;
    private final boolean demoWorld;

    DemoVolunteers(JdbcClient jdbc, @Value("${lianxin.demo-world.enabled:false}") boolean demoWorld) {
        this.jdbc = jdbc;
        this.demoWorld = demoWorld;
    }

    /** In one transaction holding each demo village's unit row, so that nodes starting together seed it once. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void seed() {
        if (!demoWorld) {
            return;
        }
        for (DemoVolunteer v : VOLUNTEERS) {
            jdbc.sql("select code from unit where code = ? for update")
                    .param(v.villageCode())
                    .query(String.class)
                    .optional();
            jdbc.sql("insert into volunteer (village_code, name, phone, skills, availability, status, registered_by,"
                            + " registered_at) select ?, ?, ?, ?, ?, ?, ?, ? where exists"
                            + " (select 1 from unit where code = ?) and not exists"
                            + " (select 1 from volunteer where village_code = ? and name = ?)")
                    .params(
                            v.villageCode(),
                            v.name(),
                            v.phone(),
                            v.skills(),
                            v.availability(),
                            VolunteerStatus.ACTIVE.name(),
                            "示范数据",
                            Registrations.utc(EngineClock.now()),
                            v.villageCode(),
                            v.villageCode(),
                            v.name())
                    .update();
        }
    }
}
