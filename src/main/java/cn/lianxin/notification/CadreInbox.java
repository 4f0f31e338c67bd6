package cn.lianxin.notification;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 站内消息: stores each {@link CadreNotice} as one row per cadre told, in the transaction of the step
 * or operation that published it, and answers a cadre's own inbox. This is the one place that
 * decides how cadres are told: the kinds listed in {@code lianxin.inbox.sms-kinds} also go out by SMS
 * through the outbox ({@link Notifications}) — once per group or user the notice names, never also
 * by the step itself.
 */
@Service
class CadreInbox {

    /** Longer texts (a long comment) are cut here; the whole text stays where it was written. */
    static final int MAX_TEXT = 1000;

    /** One row of a cadre's inbox as the API shows it. */
    record Item(
            long id,
            String kind,
            String kindLabel,
            String number,
            String taskId,
            String text,
            String actorName,
            Instant at,
            boolean read) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final IdentityService identity;
    private final EngineAsPlatform platform;
    private final Notifications notifications;
    private final Set<CadreNotice.Kind> smsKinds;

    CadreInbox(
            JdbcClient jdbc,
            JdbcTemplate batch,
            IdentityService identity,
            EngineAsPlatform platform,
            Notifications notifications,
            @Value("${lianxin.inbox.sms-kinds:}") Set<CadreNotice.Kind> smsKinds) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.identity = identity;
        this.platform = platform;
        this.notifications = notifications;
        this.smsKinds = Set.copyOf(smsKinds);
    }

    /**
     * Every user the notice names and every member of each group it names (read as the platform: a
     * cadre may not list users), the actor left out, gets one unread row; the kinds configured for
     * SMS are queued once per named group and user as well.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void tell(CadreNotice notice) {
        Set<String> told = platform.call(() -> {
            Set<String> users = new LinkedHashSet<>(notice.users());
            for (String group : notice.groups()) {
                identity.createUserQuery().memberOfGroup(group).list().stream()
                        .map(User::getId)
                        .forEach(users::add);
            }
            return users;
        });
        if (notice.actor() != null) {
            told.remove(notice.actor());
        }
        String text =
                notice.text().length() > MAX_TEXT ? notice.text().substring(0, MAX_TEXT - 1) + "…" : notice.text();
        OffsetDateTime now = EngineClock.now().atOffset(ZoneOffset.UTC);
        if (!told.isEmpty()) {
            String actorName = notice.actor() == null ? null : nameOf(notice.actor());
            List<Object[]> rows = new ArrayList<>();
            for (String user : told) {
                rows.add(new Object[] {
                    user, notice.kind().name(), notice.number(), notice.taskId(), text, notice.actor(), actorName, now
                });
            }
            batch.batchUpdate(
                    "insert into cadre_inbox (user_id, kind, number, task_id, text, actor, actor_name, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
        if (smsKinds.contains(notice.kind())) {
            notice.groups().forEach(group -> sms(Recipient.group(group), notice, text));
            notice.users().stream()
                    .filter(user -> !user.equals(notice.actor()))
                    .forEach(user -> sms(Recipient.user(user), notice, text));
        }
    }

    private void sms(Recipient recipient, CadreNotice notice, String text) {
        notifications.queue(
                Template.CADRE_NOTICE,
                recipient,
                notice.number(),
                notice.kind().label(),
                notice.number() == null ? "站内消息" : notice.number(),
                text);
    }

    private String nameOf(String userId) {
        User user =
                platform.call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : PersonNames.of(user);
    }

    /**
     * A page of a user's notices, newest first: one range of {@code cadre_inbox_newest} read
     * backwards, or with {@link #UNREAD_ONLY} one range of {@code cadre_inbox_unread}.
     */
    static final String PAGE = "select id, kind, number, task_id, text, actor, actor_name, created_at, unread"
            + " from cadre_inbox where user_id = :user%s"
            + " order by created_at desc, id desc offset :offset rows fetch next :fetch rows only";

    static final String UNREAD_ONLY = " and unread = true";

    /** The user's unread rows are one range of {@code cadre_inbox_unread}: the count reads only them. */
    static final String UNREAD_COUNT = "select count(*) from cadre_inbox where user_id = :user and unread = true";

    /** The user's notices (or only the unread ones), newest first, a numbered page at a time. */
    ListPage<Item> page(String userId, boolean unreadOnly, ListPage.Numbered request) {
        return ListPage.of(
                jdbc.sql(PAGE.formatted(unreadOnly ? UNREAD_ONLY : ""))
                        .param("user", userId)
                        .param("fetch", request.fetch())
                        .param("offset", request.offset())
                        .query(CadreInbox::item)
                        .list(),
                request);
    }

    long unreadCount(String userId) {
        return jdbc.sql(UNREAD_COUNT).param("user", userId).query(Long.class).single();
    }

    /** Marks one of the user's own notices read (again: no change); false when the user has no such notice. */
    @Transactional
    boolean markRead(String userId, long id) {
        return jdbc.sql("update cadre_inbox set read_at = coalesce(read_at, :now), unread = false"
                                + " where id = :id and user_id = :user")
                        .param("now", EngineClock.now().atOffset(ZoneOffset.UTC))
                        .param("id", id)
                        .param("user", userId)
                        .update()
                > 0;
    }

    @Transactional
    void markAllRead(String userId) {
        jdbc.sql("update cadre_inbox set read_at = :now, unread = false where user_id = :user and unread = true")
                .param("now", EngineClock.now().atOffset(ZoneOffset.UTC))
                .param("user", userId)
                .update();
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        CadreNotice.Kind kind = CadreNotice.Kind.valueOf(rs.getString("kind"));
        String actor = rs.getString("actor");
        String actorName = rs.getString("actor_name");
        return new Item(
                rs.getLong("id"),
                kind.name(),
                kind.label(),
                rs.getString("number"),
                rs.getString("task_id"),
                rs.getString("text"),
                actorName == null ? actor : actorName,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                !rs.getBoolean("unread"));
    }
}
