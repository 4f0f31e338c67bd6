package cn.lianxin.appeal;

import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.workflow.EngineClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 找回查询码: a citizen who lost the access code of a case proves they hold the phone on file with a
 * one-time 6-digit code sent there by SMS, and gets a new access code (the old one stops working).
 * One-time codes are kept as keyed digests only, live 10 minutes, allow 5 tries, and a newer one
 * spends the older ones. Whether the number and phone matched is never told. Both steps are in the
 * case's log.
 */
@Service
public class AccessCodeRecovery {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    static final int TRIES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Appeals appeals;
    private final AccessCodes accessCodes;
    private final PublicLimits limits;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    AccessCodeRecovery(
            Appeals appeals,
            AccessCodes accessCodes,
            PublicLimits limits,
            Notifications notifications,
            JdbcClient jdbc) {
        this.appeals = appeals;
        this.accessCodes = accessCodes;
        this.limits = limits;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /**
     * Sends a one-time code to the phone on file when the number and phone match; does nothing
     * visible otherwise. Limited per client address and per number (429) either way.
     */
    @Transactional
    public void sendCode(String trackingNo, String phone, String clientAddress) {
        limits.take(Limit.RECOVERIES_PER_ADDRESS, clientAddress);
        limits.take(Limit.RECOVERIES_PER_CASE, trackingNo);
        Optional<Appeal> appeal =
                appeals.byTrackingNo(trackingNo).filter(a -> a.phone().equals(phone));
        if (appeal.isEmpty()) {
            return;
        }
        Instant now = EngineClock.now();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        spendAll(trackingNo);
        jdbc.sql(
                        "insert into appeal_recovery_code (tracking_no, code_hash, expires_at, created_at) values (?, ?, ?, ?)")
                .params(
                        trackingNo,
                        accessCodes.hash(code),
                        now.plus(VALIDITY).atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update();
        notifications.queue(Template.RECOVERY_CODE, Recipient.citizen(phone), trackingNo, code, trackingNo);
        appeals.log(trackingNo, now, "群众", "ACCESS_CODE", "群众申请找回查询码，验证码已发送到登记的手机", false);
    }

    /**
     * A new access code when the one-time code is the case's latest, unspent, unexpired one and
     * has tries left; empty otherwise (a wrong, spent, expired or absent code alike). Wrong codes
     * also count against the client's address as wrong access codes do.
     */
    @Transactional
    public Optional<String> newAccessCode(String trackingNo, String oneTimeCode, String clientAddress) {
        limits.take(Limit.CODE_GUESSES_PER_ADDRESS, clientAddress);
        Instant now = EngineClock.now();
        Optional<Pending> pending = jdbc.sql("select id, code_hash, tries from appeal_recovery_code"
                        + " where tracking_no = ? and not spent and expires_at > ? order by created_at desc, id desc"
                        + " limit 1 for update")
                .params(trackingNo, now.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("code_hash"), rs.getInt("tries")))
                .optional();
        String offered = oneTimeCode == null ? "" : oneTimeCode.trim();
        boolean plausible = offered.matches("\\d{6}");
        boolean matches = accessCodes.matches(
                plausible ? offered : "", pending.map(Pending::hash).orElse(null));
        if (pending.isEmpty() || !plausible || !matches) {
            pending.ifPresent(
                    p -> jdbc.sql("update appeal_recovery_code set tries = tries + 1, spent = (tries + 1 >= ?)"
                                    + " where id = ?")
                            .params(TRIES, p.id())
                            .update());
            return Optional.empty();
        }
        limits.giveBack(Limit.CODE_GUESSES_PER_ADDRESS, clientAddress);
        spendAll(trackingNo);
        String code = accessCodes.fresh();
        appeals.replaceAccessCodeHash(trackingNo, accessCodes.hash(code));
        appeals.log(trackingNo, now, "群众", "ACCESS_CODE", "群众凭手机验证码找回查询码，已发放新查询码，原查询码作废", true);
        return Optional.of(code);
    }

    private void spendAll(String trackingNo) {
        jdbc.sql("update appeal_recovery_code set spent = true where tracking_no = ? and not spent")
                .param(trackingNo)
                .update();
    }

    private record Pending(long id, String hash, int tries) {}
}
