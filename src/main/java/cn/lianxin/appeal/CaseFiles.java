package cn.lianxin.appeal;

import cn.lianxin.deadline.TrafficLight;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The file of a numbered matter a cadre's task works on — a case (诉求, {@code LX-…}) or a topic (议题,
 * {@code YS-…}) — as Tasklist's cards and 办理记录 tab show it. The appeal module keeps the cases'; 协商议事
 * provides the topics', so a supervision of either and the topic's own tasks read the same way.
 */
public interface CaseFiles {

    /** What a task card shows of the matter; {@code light} is the matter's own light, if it keeps one. */
    record Card(
            String number,
            String summary,
            String categoryLabel,
            String villageCode,
            String pathLabel,
            TrafficLight light) {}

    /** One line of the matter's internal log; {@code actor} is a user id, a word such as 群众, or null (the platform). */
    record Entry(Instant at, String actor, String kind, String entry) {}

    /** Whether this number belongs to this module (its numbering scheme). */
    boolean handles(String number);

    /** The process variable that carries the number on the module's own process instances. */
    String numberVariable();

    /** The cards of the matters with these numbers that exist, by number, in one statement. */
    Map<String, Card> cards(Collection<String> numbers);

    /** The matter's whole log, oldest first (internal entries included). */
    List<Entry> log(String number);
}
