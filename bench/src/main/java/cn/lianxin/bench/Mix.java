package cn.lianxin.bench;

import cn.lianxin.bench.Appeals.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mix of paths P1 runs as "mix". DESIGN §1 gives one figure to anchor it: 38% of what stations
 * find needs coordination beyond the village. So 38% leaves the village (上报 30%, 联合办理 8%) and
 * 62% is handled there (即办 35%, 承诺办 22%, 退回 5%). Unit n takes the slot (n × 37) mod 100, which
 * walks all 100 slots in a spread-out order, so every 100 lifecycles hold the mix exactly.
 */
final class Mix {

    static final Map<Path, Integer> PERCENT = percent();

    private Mix() {}

    private static Map<Path, Integer> percent() {
        Map<Path, Integer> p = new LinkedHashMap<>();
        p.put(Path.IMMEDIATE, 35);
        p.put(Path.PROMISED, 22);
        p.put(Path.ESCALATE, 30);
        p.put(Path.JOINT, 8);
        p.put(Path.RETURN, 5);
        return p;
    }

    static Path of(long sequence) {
        long slot = Math.floorMod(sequence * 37, 100);
        int upTo = 0;
        for (var e : PERCENT.entrySet()) {
            upTo += e.getValue();
            if (slot < upTo) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("the mix adds up to " + upTo);
    }
}
