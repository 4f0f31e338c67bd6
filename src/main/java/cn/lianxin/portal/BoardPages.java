package cn.lianxin.portal;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.deliberation.DeliberationBoard;
import cn.lianxin.deliberation.PublicRecords;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ListPage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 公示栏 as pages: choose a village (grouped by town), read its notice board a page at a time (newest
 * first, each notice with its topic's stage, the days left, the meeting's vote and the ledger's
 * lights), and one topic's public record with the form to give an opinion or objection
 * ({@link BoardOpinions}). Every page works with JavaScript off.
 */
@Controller
class BoardPages {

    /** A town and its villages, as the chooser lists them. */
    public record Town(Unit town, List<Unit> villages) {}

    /** What a link to a topic shows when shared in a WeChat group (Open Graph). */
    public record ShareMeta(String title, String description, String url) {}

    /** Notices per page of a village's board. */
    static final int PAGE_SIZE = 10;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Dates as people here write them, in China's time. */
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(CHINA);

    private final DeliberationBoard board;
    private final PublicRecords records;
    private final Units units;
    private final PublicLimits limits;

    BoardPages(DeliberationBoard board, PublicRecords records, Units units, PublicLimits limits) {
        this.board = board;
        this.records = records;
        this.units = units;
        this.limits = limits;
    }

    @GetMapping("/board")
    String villages(Model model, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        model.addAttribute("towns", towns(units));
        return "portal/board-villages";
    }

    /** The towns with villages, each with its villages, in code order (the board's and 服务点单's chooser). */
    static List<Town> towns(Units units) {
        List<Unit> all = units.all();
        return all.stream()
                .filter(u -> u.kind() == UnitKind.TOWN)
                .sorted(Comparator.comparing(Unit::code))
                .map(town -> new Town(
                        town,
                        all.stream()
                                .filter(u -> u.kind() == UnitKind.VILLAGE
                                        && town.code().equals(u.parentCode()))
                                .sorted(Comparator.comparing(Unit::code))
                                .toList()))
                .filter(town -> !town.villages().isEmpty())
                .toList();
    }

    /** {@code ?before=} the last notice of the page before (keyset, as {@code GET /api/notices}). */
    @GetMapping("/board/{villageCode}")
    String village(
            @PathVariable String villageCode,
            @RequestParam(required = false) Long before,
            Model model,
            HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village = village(units, villageCode);
        ListPage<DeliberationBoard.BoardEntry> page = board.boardPage(village.code(), before, PAGE_SIZE);
        model.addAttribute("village", village);
        model.addAttribute("town", units.byCode(village.parentCode()).orElse(null));
        model.addAttribute("page", page);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("when", WHEN);
        return "portal/board-village";
    }

    @GetMapping("/board/topics/{no}")
    String topic(@PathVariable String no, Model model, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        PublicRecords.PublicTopic topic = records.view(no);
        show(topic, model, http);
        if (!model.containsAttribute("opinion")) {
            model.addAttribute("opinion", BoardOpinions.Form.empty());
        }
        return "portal/board-topic";
    }

    /** The topic page's model: the record, its share link and meta, a fresh one-time key for the form. */
    static void show(PublicRecords.PublicTopic topic, Model model, HttpServletRequest http) {
        String url = ServletUriComponentsBuilder.fromContextPath(http)
                .path("/board/topics/{no}")
                .buildAndExpand(topic.deliberationNo())
                .toUriString();
        String summary = topic.plan() != null ? topic.plan() : topic.background();
        model.addAttribute("topic", topic);
        model.addAttribute("when", WHEN);
        model.addAttribute("shareUrl", url);
        model.addAttribute(
                "shareMeta",
                new ShareMeta(
                        topic.title() + " · " + topic.village() + "公示栏",
                        topic.stageLabel() + "。" + (summary.length() > 80 ? summary.substring(0, 80) + "…" : summary),
                        url));
        model.addAttribute("formKey", UUID.randomUUID().toString());
    }

    /** A village of the tree, else the board's 404 page. */
    static Unit village(Units units, String code) {
        return units.byCode(code)
                .filter(u -> u.kind() == UnitKind.VILLAGE)
                .orElseThrow(BoardProblems.VillageNotFound::new);
    }
}
