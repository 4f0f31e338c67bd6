package cn.lianxin.appeal;

import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.supervision.SupervisedRecords;
import cn.lianxin.workflow.EngineClock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lets other modules (督办, 协商议事) write into a case's log, so its timeline tells the whole story. */
@Component
public class CaseTimeline implements SupervisedRecords {

    private final Appeals appeals;
    private final Notifications notifications;

    CaseTimeline(Appeals appeals, Notifications notifications) {
        this.appeals = appeals;
        this.notifications = notifications;
    }

    /** Sends the case's citizen a message (their phone stays in this module). */
    public void notifyCitizen(String trackingNo, Template template, Object... args) {
        appeals.byTrackingNo(trackingNo)
                .ifPresent(
                        appeal -> notifications.queue(template, Recipient.citizen(appeal.phone()), trackingNo, args));
    }

    /** The village a case belongs to, if the case exists. */
    public java.util.Optional<String> villageOf(String trackingNo) {
        return appeals.byTrackingNo(trackingNo).map(Appeal::villageCode);
    }

    /** The same cadres-only entry in the log of each of these cases (e.g. a leader's 批示 on a hotspot). */
    public void recordAll(List<String> trackingNos, String actor, String kind, String entry) {
        if (!trackingNos.isEmpty()) {
            appeals.logAll(trackingNos, EngineClock.now(), actor, kind, entry);
        }
    }

    @Override
    public boolean handles(String number) {
        return number.startsWith(AppealIntake.NUMBER_PREFIX);
    }

    @Override
    public void record(String trackingNo, String actor, String kind, String entry, boolean shownToCitizen) {
        appeals.log(trackingNo, EngineClock.now(), actor, kind, entry, shownToCitizen);
    }

    @Override
    public boolean exists(String trackingNo) {
        return appeals.byTrackingNo(trackingNo).isPresent();
    }
}
