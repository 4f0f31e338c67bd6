package cn.lianxin.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts an administrator has locked on purpose ({@code account_lock}), with every lock and
 * unlock kept in {@code account_lock_log}. Read by the engine's password check on every sign-in,
 * so a lock holds on every route and on every node at once.
 */
class AccountLocks {

    /** Who locked an account, when and why. */
    record AccountLock(String userId, String reason, String lockedBy, OffsetDateTime lockedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isLocked(String userId) {
        return find(userId).isPresent();
    }

    Optional<AccountLock> find(String userId) {
        return jdbc.sql("select user_id, reason, locked_by, locked_at from account_lock where user_id = ?")
                .param(userId)
                // by column: Spring's record mapper would ask H2 for "userId" first and log the miss
                .query((rs, row) -> new AccountLock(
                        rs.getString("user_id"),
                        rs.getString("reason"),
                        rs.getString("locked_by"),
                        rs.getObject("locked_at", OffsetDateTime.class)))
                .optional();
    }

    /** Locks the account, or replaces the reason of an existing lock. */
    @Transactional
    AccountLock lock(String userId, String reason, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("update account_lock set reason = ?, locked_by = ?, locked_at = ? where user_id = ?")
                .params(reason, actor, now, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into account_lock (user_id, reason, locked_by, locked_at) values (?, ?, ?, ?)")
                    .params(userId, reason, actor, now)
                    .update();
        }
        log(userId, "LOCK", reason, actor, now);
        return new AccountLock(userId, reason, actor, now);
    }

    /** Removes the lock; false when the account was not locked. */
    @Transactional
    boolean unlock(String userId, String actor) {
        int deleted = jdbc.sql("delete from account_lock where user_id = ?")
                .param(userId)
                .update();
        if (deleted == 0) {
            return false;
        }
        log(userId, "UNLOCK", null, actor, OffsetDateTime.now(clock));
        return true;
    }

    private void log(String userId, String action, String reason, String actor, OffsetDateTime at) {
        jdbc.sql("insert into account_lock_log (user_id, action, reason, actor, at) values (?, ?, ?, ?, ?)")
                .params(userId, action, reason, actor, at)
                .update();
    }
}
