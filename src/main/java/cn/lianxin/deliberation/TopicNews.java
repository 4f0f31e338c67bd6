package cn.lianxin.deliberation;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import org.springframework.stereotype.Component;

/** Who hears of a topic's turns: its proposer, the citizens of its linked cases, those who commented on a notice. */
@Component
public class TopicNews {

    private final Topics topics;
    private final LinkedCases linkedCases;
    private final Opinions opinions;
    private final Notifications notifications;
    private final CaseTimeline cases;

    TopicNews(
            Topics topics,
            LinkedCases linkedCases,
            Opinions opinions,
            Notifications notifications,
            CaseTimeline cases) {
        this.topics = topics;
        this.linkedCases = linkedCases;
        this.opinions = opinions;
        this.notifications = notifications;
        this.cases = cases;
    }

    /** The proposer and the citizens of linked cases hear of every turn of the topic. */
    public void tell(String no, String news) {
        Topic topic = topics.byNo(no).orElseThrow();
        if (topic.phone() != null) {
            notifications.queue(Template.TOPIC_PROGRESS, Recipient.citizen(topic.phone()), no, no, topic.title(), news);
        }
        for (String trackingNo : linkedCases.of(no)) {
            cases.record(trackingNo, null, "DELIBERATION", "关联议题 " + no + "“" + topic.title() + "”：" + news, true);
            cases.notifyCitizen(trackingNo, Template.TOPIC_PROGRESS, no, topic.title(), news);
        }
    }

    /** Whoever left a phone number with an opinion on the notice hears how the host answered. */
    public void answerCommenters(String no, long noticeId, boolean significant, String response) {
        Topic topic = topics.byNo(no).orElseThrow();
        String answer =
                (significant ? "意见已采纳，方案修改后将重新公示" : "公示期满，将按方案召开协商会议") + (response == null ? "" : "。答复：" + response);
        opinions.of(no).stream()
                .filter(o -> o.noticeId() == noticeId && o.phone() != null)
                .map(Opinions.Opinion::phone)
                .distinct()
                .forEach(phone -> notifications.queue(
                        Template.TOPIC_PROGRESS, Recipient.citizen(phone), no, no, topic.title(), answer));
    }
}
