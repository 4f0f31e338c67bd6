package cn.lianxin.appeal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The library of standard reasons for 一次性告知 (table {@code return_reason}). It is a few dozen rows
 * read by every return form and list, so the active reasons are read whole once and kept: a change
 * here drops them on this node at once, and every node reads them afresh after
 * {@code lianxin.reference-data.max-age} (default one minute).
 */
@Repository
class ReturnReasons {

    /** One standard reason; {@code category} {@code null}: offered for every category. */
    record ReturnReason(long id, String category, String reason) {}

    private static final String ACTIVE = "active";
    private static final Comparator<ReturnReason> GENERAL_FIRST = Comparator.comparing(
                    ReturnReason::category, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingLong(ReturnReason::id);

    private final JdbcClient jdbc;
    private final LoadingCache<String, List<ReturnReason>> active;

    ReturnReasons(JdbcClient jdbc, @Value("${lianxin.reference-data.max-age:PT1M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.active = Caffeine.newBuilder().expireAfterWrite(maxAge).build(key -> jdbc
                .sql("select id, category, reason from return_reason where active = true")
                .query(ReturnReason.class)
                .list()
                .stream()
                .sorted(GENERAL_FIRST)
                .toList());
    }

    /** The active reasons offered for a category ({@code null}: all of them), general ones first. */
    List<ReturnReason> offeredFor(String category) {
        return active.get(ACTIVE).stream()
                .filter(r ->
                        category == null || r.category() == null || r.category().equals(category))
                .toList();
    }

    /** The texts the return form offers for a case of this category: the category's own first, then the general ones. */
    List<String> textsFor(Category category) {
        return offeredFor(category.code()).stream()
                .sorted(Comparator.comparing((ReturnReason r) -> r.category() == null ? 1 : 0)
                        .thenComparingLong(ReturnReason::id))
                .map(ReturnReason::reason)
                .toList();
    }

    ReturnReason add(String category, String reason) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into return_reason (category, reason) values (?, ?)")
                .params(category, reason)
                .update(keys, "id");
        active.invalidateAll();
        return new ReturnReason(keys.getKey().longValue(), category, reason);
    }

    /** Retires a reason (cases that used it keep their text); empty when there is no such reason. */
    Optional<Long> retire(long id) {
        int updated = jdbc.sql("update return_reason set active = false where id = ?")
                .param(id)
                .update();
        active.invalidateAll();
        return updated == 0 ? Optional.empty() : Optional.of(id);
    }
}
