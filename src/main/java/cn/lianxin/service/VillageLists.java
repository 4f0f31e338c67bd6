package cn.lianxin.service;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.service.ListKinds.NeedSource;
import cn.lianxin.service.ListKinds.ProjectStatus;
import cn.lianxin.service.ListKinds.ProviderKind;
import cn.lianxin.service.ListRequests.NeedRequest;
import cn.lianxin.service.ListRequests.ProjectRequest;
import cn.lianxin.service.ListRequests.ResourceRequest;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三张清单 of a village: resources (资源清单), needs (需求清单) and projects (项目清单), kept by its
 * station head and branch secretary ({@link VillageStaff} decides who, before anything here runs).
 * Lists page by keyset, newest first ({@code ?before=<id>&size=}); an entry is closed, never deleted.
 */
@Service
class VillageLists {

    record Resource(
            long id,
            String villageCode,
            String title,
            String description,
            String providerKind,
            String providerKindLabel,
            String providerName,
            boolean open,
            Instant createdAt,
            Instant updatedAt) {}

    record Need(
            long id,
            String villageCode,
            String title,
            String description,
            String source,
            String sourceLabel,
            String sourceRef,
            boolean open,
            Instant createdAt,
            Instant updatedAt) {}

    record Project(
            long id,
            String villageCode,
            Long needId,
            String title,
            String description,
            String owner,
            LocalDate startsOn,
            LocalDate endsOn,
            String status,
            String statusLabel,
            Instant createdAt,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final CaseTimeline cases;

    VillageLists(JdbcClient jdbc, CaseTimeline cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    // ---- 资源清单 ----

    ListPage<Resource> resources(String village, Long before, int size) {
        return page("village_resource", VillageLists::resource, Resource::id, village, before, size);
    }

    /** The open resources of the village, newest first, at most {@code limit} (the portal's menu). */
    List<Resource> openResources(String village, int limit) {
        return jdbc.sql("select * from village_resource where village_code = ? and closed_at is null"
                        + " order by id desc limit ?")
                .params(village, limit)
                .query(VillageLists::resource)
                .list();
    }

    Optional<Resource> resource(String village, long id) {
        return entry("village_resource", VillageLists::resource, village, id);
    }

    @Transactional
    Resource addResource(String village, ResourceRequest request, String by) {
        Instant now = EngineClock.now();
        long id = insert(jdbc.sql("insert into village_resource (village_code, title, description, provider_kind,"
                        + " provider_name, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        village,
                        request.title().trim(),
                        blankToNull(request.description()),
                        request.providerKind(),
                        request.providerName().trim(),
                        by,
                        Timestamp.from(now),
                        Timestamp.from(now)));
        return resource(village, id).orElseThrow();
    }

    @Transactional
    Resource changeResource(String village, long id, ResourceRequest request) {
        Resource existing = resource(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(existing.open());
        jdbc.sql("update village_resource set title = ?, description = ?, provider_kind = ?, provider_name = ?,"
                        + " updated_at = ? where id = ?")
                .params(
                        request.title().trim(),
                        blankToNull(request.description()),
                        request.providerKind(),
                        request.providerName().trim(),
                        Timestamp.from(EngineClock.now()),
                        id)
                .update();
        return resource(village, id).orElseThrow();
    }

    @Transactional
    Resource closeResource(String village, long id) {
        Resource existing = resource(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(existing.open());
        close("village_resource", id);
        return resource(village, id).orElseThrow();
    }

    // ---- 需求清单 ----

    ListPage<Need> needs(String village, Long before, int size) {
        return page("village_need", VillageLists::need, Need::id, village, before, size);
    }

    Optional<Need> need(String village, long id) {
        return entry("village_need", VillageLists::need, village, id);
    }

    @Transactional
    Need addNeed(String village, NeedRequest request, String by) {
        checkSource(village, request);
        Instant now = EngineClock.now();
        long id = insert(jdbc.sql("insert into village_need (village_code, title, description, source, source_ref,"
                        + " created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        village,
                        request.title().trim(),
                        blankToNull(request.description()),
                        request.source(),
                        blankToNull(request.sourceRef()),
                        by,
                        Timestamp.from(now),
                        Timestamp.from(now)));
        return need(village, id).orElseThrow();
    }

    @Transactional
    Need changeNeed(String village, long id, NeedRequest request) {
        Need existing = need(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(existing.open());
        checkSource(village, request);
        jdbc.sql("update village_need set title = ?, description = ?, source = ?, source_ref = ?, updated_at = ?"
                        + " where id = ?")
                .params(
                        request.title().trim(),
                        blankToNull(request.description()),
                        request.source(),
                        blankToNull(request.sourceRef()),
                        Timestamp.from(EngineClock.now()),
                        id)
                .update();
        return need(village, id).orElseThrow();
    }

    @Transactional
    Need closeNeed(String village, long id) {
        Need existing = need(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(existing.open());
        close("village_need", id);
        return need(village, id).orElseThrow();
    }

    /** A need from a request names the village's own case (its tracking number); other sources may name a note. */
    private void checkSource(String village, NeedRequest request) {
        if (NeedSource.APPEAL.name().equals(request.source())) {
            String ref = blankToNull(request.sourceRef());
            if (ref == null || !cases.villageOf(ref).filter(village::equals).isPresent()) {
                throw ApiProblemException.invalid(List.of(new FieldError("sourceRef", "诉求转为需求时应填写本村（社区）诉求的受理编号")));
            }
        }
    }

    // ---- 项目清单 ----

    ListPage<Project> projects(String village, Long before, int size) {
        return page("village_project", VillageLists::project, Project::id, village, before, size);
    }

    /** The projects of the village not closed, newest first, at most {@code limit} (the portal's menu). */
    List<Project> currentProjects(String village, int limit) {
        return jdbc.sql("select * from village_project where village_code = ? and status <> 'CLOSED'"
                        + " order by id desc limit ?")
                .params(village, limit)
                .query(VillageLists::project)
                .list();
    }

    Optional<Project> project(String village, long id) {
        return entry("village_project", VillageLists::project, village, id);
    }

    @Transactional
    Project addProject(String village, ProjectRequest request, String by) {
        Dates dates = checkProject(village, request);
        Instant now = EngineClock.now();
        long id = insert(
                jdbc.sql("insert into village_project (village_code, need_id, title, description, owner, starts_on,"
                                + " ends_on, status, created_by, created_at, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                village,
                                request.needId(),
                                request.title().trim(),
                                blankToNull(request.description()),
                                request.owner().trim(),
                                Date.valueOf(dates.startsOn()),
                                dates.endsOn() == null ? null : Date.valueOf(dates.endsOn()),
                                request.status() == null ? ProjectStatus.PLANNED.name() : request.status(),
                                by,
                                Timestamp.from(now),
                                Timestamp.from(now)));
        return project(village, id).orElseThrow();
    }

    @Transactional
    Project changeProject(String village, long id, ProjectRequest request) {
        Project existing = project(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(!ProjectStatus.CLOSED.name().equals(existing.status()));
        Dates dates = checkProject(village, request);
        jdbc.sql("update village_project set need_id = ?, title = ?, description = ?, owner = ?, starts_on = ?,"
                        + " ends_on = ?, status = ?, updated_at = ? where id = ?")
                .params(
                        request.needId(),
                        request.title().trim(),
                        blankToNull(request.description()),
                        request.owner().trim(),
                        Date.valueOf(dates.startsOn()),
                        dates.endsOn() == null ? null : Date.valueOf(dates.endsOn()),
                        request.status() == null ? existing.status() : request.status(),
                        Timestamp.from(EngineClock.now()),
                        id)
                .update();
        return project(village, id).orElseThrow();
    }

    @Transactional
    Project closeProject(String village, long id) {
        Project existing = project(village, id).orElseThrow(VillageLists::notFound);
        refuseIfClosed(!ProjectStatus.CLOSED.name().equals(existing.status()));
        jdbc.sql("update village_project set status = ?, updated_at = ? where id = ?")
                .params(ProjectStatus.CLOSED.name(), Timestamp.from(EngineClock.now()), id)
                .update();
        return project(village, id).orElseThrow();
    }

    private record Dates(LocalDate startsOn, LocalDate endsOn) {}

    /** The project's need is one of the village's; its dates are real dates, the end not before the start. */
    private Dates checkProject(String village, ProjectRequest request) {
        List<FieldError> problems = new ArrayList<>();
        if (request.needId() != null && need(village, request.needId()).isEmpty()) {
            problems.add(new FieldError("needId", "不是本村（社区）需求清单中的需求"));
        }
        LocalDate starts = date(request.startsOn(), "startsOn", problems);
        LocalDate ends = request.endsOn() == null ? null : date(request.endsOn(), "endsOn", problems);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            problems.add(new FieldError("endsOn", "结束日期不能早于开始日期"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        return new Dates(starts, ends);
    }

    private static LocalDate date(String text, String field, List<FieldError> problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "不是有效的日期：" + text));
            return null;
        }
    }

    // ---- what the three lists share ----

    /** A page of one list of the village, newest first, after the entry {@code before}. */
    private <T> ListPage<T> page(
            String table, RowMapper<T> rows, ToLongFunction<T> id, String village, Long before, int size) {
        return ListPage.after(
                jdbc.sql("select * from " + table + " where village_code = ? and id < ? order by id desc limit ?")
                        .params(village, before == null ? Long.MAX_VALUE : before, size + 1)
                        .query(rows)
                        .list(),
                size,
                entry -> Long.toString(id.applyAsLong(entry)));
    }

    /** One entry of one list, if it is the village's. */
    private <T> Optional<T> entry(String table, RowMapper<T> rows, String village, long id) {
        return jdbc.sql("select * from " + table + " where village_code = ? and id = ?")
                .params(village, id)
                .query(rows)
                .optional();
    }

    /** Inserts a row and answers its generated id. */
    private static long insert(StatementSpec insert) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKey().longValue();
    }

    private void close(String table, long id) {
        Timestamp now = Timestamp.from(EngineClock.now());
        jdbc.sql("update " + table + " set closed_at = ?, updated_at = ? where id = ?")
                .params(now, now, id)
                .update();
    }

    private static void refuseIfClosed(boolean open) {
        if (!open) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "list-entry-closed");
        }
    }

    private static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Resource resource(ResultSet rs, int row) throws SQLException {
        ProviderKind kind = ProviderKind.valueOf(rs.getString("provider_kind"));
        return new Resource(
                rs.getLong("id"),
                rs.getString("village_code"),
                rs.getString("title"),
                rs.getString("description"),
                kind.name(),
                kind.label,
                rs.getString("provider_name"),
                rs.getTimestamp("closed_at") == null,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Need need(ResultSet rs, int row) throws SQLException {
        NeedSource source = NeedSource.valueOf(rs.getString("source"));
        return new Need(
                rs.getLong("id"),
                rs.getString("village_code"),
                rs.getString("title"),
                rs.getString("description"),
                source.name(),
                source.label,
                rs.getString("source_ref"),
                rs.getTimestamp("closed_at") == null,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        ProjectStatus status = ProjectStatus.valueOf(rs.getString("status"));
        long need = rs.getLong("need_id");
        boolean noNeed = rs.wasNull();
        Date ends = rs.getDate("ends_on");
        return new Project(
                rs.getLong("id"),
                rs.getString("village_code"),
                noNeed ? null : need,
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("owner"),
                rs.getDate("starts_on").toLocalDate(),
                ends == null ? null : ends.toLocalDate(),
                status.name(),
                status.label,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
