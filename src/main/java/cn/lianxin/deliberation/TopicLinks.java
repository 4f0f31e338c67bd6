package cn.lianxin.deliberation;

import cn.lianxin.appeal.LinkedTopics;
import cn.lianxin.supervision.SupervisedRecords;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What other features see of deliberation: a case's public view lists the topics it is linked to,
 * and supervision writes its turns into a topic's log.
 */
@Component
class TopicLinks implements LinkedTopics, SupervisedRecords {

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
}
