package cn.lianxin.member;

import cn.lianxin.citizen.Satisfaction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.points.*}: how a service earns points and how many points make a star (docs/service-orders.md).
 * Defaults: 2 points per hour served (counted by the minute, half a point rounds up), 满意 +2, 基本满意 +1,
 * 不满意 0; 一星 from 10 points in total, 二星 30, 三星 60, 四星 100, 五星 150.
 *
 * @param perHour points per hour served
 * @param perEvaluation points for the resident's evaluation, by satisfaction (one not named earns 0)
 * @param stars the total points from which each star level counts, ascending (at most five)
 */
@ConfigurationProperties("lianxin.points")
record PointsRules(Integer perHour, Map<Satisfaction, Integer> perEvaluation, List<Integer> stars) {

    static final String[] STAR_LABELS = {"未评星", "一星", "二星", "三星", "四星", "五星"};

    PointsRules {
        perHour = perHour == null ? 2 : perHour;
        if (perHour < 0) {
            throw new IllegalStateException("lianxin.points.per-hour 不能为负数：" + perHour);
        }
        Map<Satisfaction, Integer> evaluation = new EnumMap<>(Satisfaction.class);
        if (perEvaluation == null || perEvaluation.isEmpty()) {
            evaluation.putAll(Map.of(Satisfaction.SATISFIED, 2, Satisfaction.BASICALLY_SATISFIED, 1));
        } else {
            evaluation.putAll(perEvaluation);
        }
        for (Satisfaction satisfaction : Satisfaction.values()) {
            evaluation.putIfAbsent(satisfaction, 0);
        }
        perEvaluation = Map.copyOf(evaluation);
        stars = stars == null || stars.isEmpty() ? List.of(10, 30, 60, 100, 150) : List.copyOf(stars);
        if (stars.size() > 5) {
            throw new IllegalStateException("lianxin.points.stars 最多五级，当前：" + stars);
        }
        for (int i = 0; i < stars.size(); i++) {
            if (stars.get(i) <= 0 || (i > 0 && stars.get(i) <= stars.get(i - 1))) {
                throw new IllegalStateException("lianxin.points.stars 应为递增的正整数，当前：" + stars);
            }
        }
    }

    /** Points for the time served: {@code perHour} an hour, counted by the minute, a half point rounding up. */
    int forMinutes(int minutes) {
        return (int) ((2L * minutes * perHour + 60) / 120);
    }

    /** Points for the resident's evaluation; none yet (or none given) earns nothing. */
    int forEvaluation(Satisfaction satisfaction) {
        return satisfaction == null ? 0 : perEvaluation.get(satisfaction);
    }

    /** The star level (0 = none yet, 1 … 5) a member's total points reach. */
    int starOf(long totalPoints) {
        int level = 0;
        while (level < stars.size() && totalPoints >= stars.get(level)) {
            level++;
        }
        return level;
    }

    /** 一星 … 五星, or 未评星. */
    static String starLabel(int level) {
        return STAR_LABELS[level];
    }
}
