package cn.lianxin.cockpit;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.deliberation.DeliberationIntake;
import cn.lianxin.identity.PersonNames;
import cn.lianxin.identity.Role;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cockpit/hotspots} (未诉先办): the unit's hotspots with what was done about them; a
 * leader's, supervisor's or town centre's 批示 on one (into each of its cases' logs and the village's
 * and town's inboxes); a deliberation topic raised from one by the village's station head or host.
 */
@RestController
@RequestMapping("/api/cockpit/hotspots")
class HotspotController {

    /** Who may give a 批示: the county's leaders and supervisors, and a town centre within its town. */
    private static final Set<Role> INSTRUCTORS = Set.of(Role.LEADER, Role.SUPERVISOR, Role.TOWN_CENTER);

    static final int MAX_TEXT = 500;

    record View(
            CockpitFigures.UnitView unit,
            int days,
            int min,
            Instant from,
            Instant to,
            boolean mayInstruct,
            List<Item> items) {}

    /** A hotspot, what was done about it, and whether the caller may raise a topic from it. */
    record Item(
            @JsonUnwrapped Hotspots.Hotspot hotspot,
            List<Instruction> instructions,
            List<String> topics,
            boolean mayRaiseTopic) {}

    record Instruction(String text, String by, String byName, Instant at) {}

    record InstructionRequest(String village, String category, String placeKey, String text)
            implements RefusesUnknownFields {}

    record TopicRequest(String village, String category, String placeKey, String title, String background)
            implements RefusesUnknownFields {}

    record Raised(String deliberationNo) {}

    private final CockpitScope scope;
    private final Hotspots hotspots;
    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final CaseTimeline timeline;
    private final DeliberationIntake deliberations;
    private final ApplicationEventPublisher events;
    private final EngineAsPlatform platform;

    HotspotController(
            CockpitScope scope,
            Hotspots hotspots,
            JdbcClient jdbc,
            IdentityService identity,
            CaseTimeline timeline,
            DeliberationIntake deliberations,
            ApplicationEventPublisher events,
            EngineAsPlatform platform) {
        this.scope = scope;
        this.hotspots = hotspots;
        this.jdbc = jdbc;
        this.identity = identity;
        this.timeline = timeline;
        this.deliberations = deliberations;
        this.events = events;
        this.platform = platform;
    }

    /** {@code ?unit=c01&days=30&min=3}: the hotspots of the last {@code days} days (7–90), of {@code min} cases (2–20). */
    @GetMapping
    View list(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String min) {
        CockpitScope.Reach reach = scope.reach(unit);
        List<FieldError> problems = new ArrayList<>();
        int window = bounded("days", days, Hotspots.DEFAULT_DAYS, 7, 90, problems);
        int least = bounded("min", min, Hotspots.DEFAULT_MIN, 2, 20, problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Instant now = EngineClock.now();
        List<Hotspots.Hotspot> found = hotspots.of(reach, now, window, least);
        Map<String, List<Instruction>> instructions = instructionsOf(found);
        Map<String, List<String>> topics = topicsOf(found);
        List<Item> items = found.stream()
                .map(h -> new Item(
                        h,
                        instructions.getOrDefault(key(h), List.of()),
                        topics.getOrDefault(key(h), List.of()),
                        deliberations.mayRaiseFromCasesOf(h.villageCode())))
                .toList();
        return new View(
                CockpitFigures.UnitView.of(reach.unit()),
                window,
                least,
                now.minus(java.time.Duration.ofDays(window)),
                now,
                mayInstruct(),
                items);
    }

    /** 批示: the hotspot must be one now and within the caller's reach; the same words twice are refused (409). */
    @PostMapping("/instructions")
    @Transactional
    ResponseEntity<Instruction> instruct(@RequestBody InstructionRequest request) {
        List<FieldError> problems = new ArrayList<>();
        String text = required(request.text(), "text", MAX_TEXT, "必须填写批示内容", problems);
        if (!mayInstruct()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        Instant now = EngineClock.now();
        Hotspots.Hotspot hotspot = named(request.village(), request.category(), request.placeKey(), problems, now);
        boolean said = jdbc.sql("select count(*) from hotspot_instruction where village_code = ? and category = ?"
                                + " and place_key = ? and instructed_by = ? and text = ?")
                        .params(hotspot.villageCode(), hotspot.category(), hotspot.placeKey(), me.userId(), text)
                        .query(Long.class)
                        .single()
                > 0;
        if (said) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "already-instructed");
        }
        jdbc.sql("insert into hotspot_instruction (village_code, category, place_key, text, case_count, instructed_by,"
                        + " instructed_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        hotspot.villageCode(),
                        hotspot.category(),
                        hotspot.placeKey(),
                        text,
                        hotspot.count(),
                        me.userId(),
                        OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .update();
        String about = hotspot.villageName() + "「" + hotspot.place() + "」" + hotspot.categoryLabel() + "问题（近期 "
                + hotspot.count() + " 件）";
        timeline.recordAll(hotspot.trackingNos(), me.userId(), "INSTRUCTION", "领导批示（热点问题 " + about + "）：" + text);
        String village = hotspot.villageCode();
        Set<String> told = new java.util.TreeSet<>(Set.of(Role.STATION_HEAD.groupIdIn(village)));
        scope.townOf(village).ifPresent(town -> told.add(Role.TOWN_CENTER.groupIdIn(town)));
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.INSTRUCTION,
                Set.of(),
                told,
                hotspot.trackingNos().get(0),
                null,
                "热点问题批示：" + about + "。" + text,
                me.userId()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Instruction(
                        text, me.userId(), names(Set.of(me.userId())).getOrDefault(me.userId(), me.userId()), now));
    }

    /** A deliberation topic from the hotspot's cases, by the village's station head or deliberation host. */
    @PostMapping("/topics")
    @Transactional
    ResponseEntity<Raised> raise(@RequestBody TopicRequest request) {
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        Instant now = EngineClock.now();
        Hotspots.Hotspot hotspot =
                named(request.village(), request.category(), request.placeKey(), new ArrayList<>(), now);
        // one topic per hotspot and window: a hotspot that comes back after it may be raised again
        boolean raised = jdbc.sql("select count(*) from hotspot_topic where village_code = ? and category = ?"
                                + " and place_key = ? and raised_at >= ?")
                        .params(
                                hotspot.villageCode(),
                                hotspot.category(),
                                hotspot.placeKey(),
                                OffsetDateTime.ofInstant(
                                        now.minus(java.time.Duration.ofDays(Hotspots.DEFAULT_DAYS)),
                                        java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single()
                > 0;
        if (raised) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "topic-already-raised");
        }
        String title = request.title() == null || request.title().isBlank()
                ? "关于" + abbreviated(hotspot.place(), 40) + hotspot.categoryLabel() + "问题的协商"
                : request.title();
        String background = request.background() == null || request.background().isBlank()
                ? "近 " + Hotspots.DEFAULT_DAYS + " 天内，" + hotspot.villageName() + "「" + hotspot.place() + "」的"
                        + hotspot.categoryLabel() + "诉求共 " + hotspot.count() + " 件（"
                        + String.join("、", hotspot.trackingNos()) + "），反复出现，由热点问题提请协商议事，从根本上解决。"
                : request.background();
        String no = deliberations.raiseFromCases(
                hotspot.villageCode(),
                hotspot.trackingNos(),
                new DeliberationIntake.FromCase(title, background, hotspot.place(), null));
        jdbc.sql("insert into hotspot_topic (village_code, category, place_key, deliberation_no, raised_by, raised_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        hotspot.villageCode(),
                        hotspot.category(),
                        hotspot.placeKey(),
                        no,
                        me.userId(),
                        OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .update();
        return ResponseEntity.created(URI.create("/api/deliberations/" + no)).body(new Raised(no));
    }

    /**
     * The hotspot a request names, if it is one now and the caller reaches its village (else 400 with
     * every field at fault, 403, 404); the village's hotspot writes are serialised from here on.
     */
    private Hotspots.Hotspot named(
            String village, String category, String placeKey, List<FieldError> problems, Instant now) {
        required(village, "village", 16, "必须指明村（社区）", problems);
        required(category, "category", 16, "必须指明诉求类别", problems);
        required(placeKey, "placeKey", 200, "必须指明地点", problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        CockpitScope.Reach reach = scope.reach(village.trim());
        Hotspots.Hotspot hotspot = hotspots.one(reach, now, village.trim(), category.trim(), placeKey)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        lockVillage(hotspot.villageCode());
        return hotspot;
    }

    /** Serialises the writes about one village's hotspots (a replay racing its original, two nodes). */
    private void lockVillage(String village) {
        jdbc.sql("select code from unit where code = ? for update")
                .param(village)
                .query(String.class)
                .list();
    }

    private boolean mayInstruct() {
        Collection<String> groups =
                CurrentUser.of(identity).map(CurrentUser::groupIds).orElse(List.of());
        return groups.stream()
                .map(Role::ofGroup)
                .flatMap(java.util.Optional::stream)
                .anyMatch(INSTRUCTORS::contains);
    }

    private Map<String, List<Instruction>> instructionsOf(List<Hotspots.Hotspot> found) {
        Map<String, List<Instruction>> byId = byHotspot(
                found,
                "select village_code, category, place_key, text, instructed_by, instructed_at from hotspot_instruction"
                        + " where village_code in (:villages) and place_key in (:keys) order by instructed_at desc, id desc",
                rs -> new Instruction(
                        rs.getString(4),
                        rs.getString(5),
                        null,
                        rs.getObject(6, OffsetDateTime.class).toInstant()));
        Map<String, String> names = names(byId.values().stream()
                .flatMap(List::stream)
                .map(Instruction::by)
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, List<Instruction>> named = new java.util.HashMap<>();
        byId.forEach((hotspot, list) -> named.put(
                hotspot,
                list.stream()
                        .map(i -> new Instruction(i.text(), i.by(), names.getOrDefault(i.by(), i.by()), i.at()))
                        .toList()));
        return named;
    }

    /** The people's names of these users, in one query (a cadre may not read the directory: the platform does). */
    private Map<String, String> names(Set<String> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return platform
                .call(() -> identity.createUserQuery()
                        .userIdIn(users.toArray(String[]::new))
                        .list())
                .stream()
                .collect(java.util.stream.Collectors.toMap(User::getId, PersonNames::of));
    }

    private Map<String, List<String>> topicsOf(List<Hotspots.Hotspot> found) {
        return byHotspot(
                found,
                "select village_code, category, place_key, deliberation_no from hotspot_topic"
                        + " where village_code in (:villages) and place_key in (:keys) order by raised_at",
                rs -> rs.getString(4));
    }

    /** What one statement finds about the listed hotspots (its first three columns name the hotspot). */
    private <T> Map<String, List<T>> byHotspot(List<Hotspots.Hotspot> found, String sql, RowReader<T> reader) {
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, List<T>> rows = new java.util.HashMap<>();
        jdbc.sql(sql)
                .param(
                        "villages",
                        found.stream()
                                .map(Hotspots.Hotspot::villageCode)
                                .distinct()
                                .toList())
                .param(
                        "keys",
                        found.stream()
                                .map(Hotspots.Hotspot::placeKey)
                                .distinct()
                                .toList())
                .query(rs -> {
                    rows.computeIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                            .add(reader.read(rs));
                });
        return rows;
    }

    private interface RowReader<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private static String key(Hotspots.Hotspot hotspot) {
        return key(hotspot.villageCode(), hotspot.category(), hotspot.placeKey());
    }

    private static String abbreviated(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static String key(String village, String category, String placeKey) {
        return village + "\u0000" + category + "\u0000" + placeKey;
    }

    private static String required(String value, String field, int max, String missing, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, missing));
            return null;
        }
        if (value.trim().length() > max) {
            problems.add(new FieldError(field, "最多 " + max + " 个字"));
            return null;
        }
        return value.trim();
    }

    private static int bounded(String field, String value, int fallback, int low, int high, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= low && parsed <= high) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problems.add(new FieldError(field, "应为 " + low + " 到 " + high + " 之间的整数"));
        return fallback;
    }
}
