package cn.lianxin.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's units, kept in the platform's own table {@code unit}. */
@Repository
public class Units {

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> all() {
        return jdbc.sql("select code, name, kind, parent_code from unit order by code")
                .query(Unit.class)
                .list();
    }

    public Optional<Unit> byCode(String code) {
        return jdbc.sql("select code, name, kind, parent_code from unit where code = ?")
                .param(code)
                .query(Unit.class)
                .optional();
    }

    /** Inserts the unit or brings an existing one up to date; safe to repeat. */
    @Transactional
    public void save(Unit unit) {
        int updated = jdbc.sql("update unit set name = ?, kind = ?, parent_code = ? where code = ?")
                .params(unit.name(), unit.kind().name(), unit.parentCode(), unit.code())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into unit (code, name, kind, parent_code) values (?, ?, ?, ?)")
                    .params(unit.code(), unit.name(), unit.kind().name(), unit.parentCode())
                    .update();
        }
    }
}
