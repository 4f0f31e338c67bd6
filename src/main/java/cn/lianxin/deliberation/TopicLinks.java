package cn.lianxin.deliberation;

import cn.lianxin.appeal.CaseFiles;
import cn.lianxin.appeal.LinkedTopics;
import cn.lianxin.supervision.SupervisedRecords;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What other features see of deliberation: a case's public view lists the topics it is linked to,
 * supervision writes its turns into a topic's log, and Tasklist's cards and 办理记录 read a topic's
 * file (its title, stage and whole log).
 */
@Component
class TopicLinks implements LinkedTopics, SupervisedRecords, CaseFiles {

    /** What a topic's card reads as its category. */
    private static final String CATEGORY = "协商议事";

    private final Topics topics;
    private final TopicLog log;
    private final LinkedCases linkedCases;

    TopicLinks(Topics topics, TopicLog log, LinkedCases linkedCases) {
        this.topics = topics;
        this.log = log;
        this.linkedCases = linkedCases;
    }

    @Override
    public List<LinkedTopics.Topic> of(String trackingNo) {
        return linkedCases.topicsOfCase(trackingNo).stream()
                .map(t -> new LinkedTopics.Topic(
                        t.deliberationNo(),
                        t.title(),
                        t.stage().label(),
                        t.status() == null ? null : t.status().label()))
                .toList();
    }

    @Override
    public boolean handles(String number) {
        return number.startsWith(TopicOpening.NUMBER_PREFIX);
    }

    @Override
    public boolean exists(String number) {
        return topics.byNo(number).isPresent();
    }

    @Override
    public void record(String number, String actor, String kind, String entry, boolean shownToPublic) {
        log.log(number, EngineTime.now(), actor, kind, entry, shownToPublic);
    }

    @Override
    public String numberVariable() {
        return DeliberationProcess.Variables.DELIBERATION_NO;
    }

    @Override
    public Map<String, Card> cards(Collection<String> numbers) {
        return topics.byNos(numbers).stream()
                .map(t -> new Card(
                        t.deliberationNo(),
                        t.title(),
                        CATEGORY,
                        t.villageCode(),
                        t.stage().label(),
                        null))
                .collect(Collectors.toMap(Card::number, Function.identity()));
    }

    @Override
    public List<Entry> log(String number) {
        return log.of(number, false).stream()
                .map(e -> new Entry(e.at(), e.actor(), e.kind(), e.entry()))
                .toList();
    }
}
