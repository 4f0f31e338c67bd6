package cn.lianxin.appeal;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Lets other modules (督办) write into a case's log, so its timeline tells the whole story. */
@Component
public class CaseTimeline {

    private final Appeals appeals;

    CaseTimeline(Appeals appeals) {
        this.appeals = appeals;
    }

    public void record(String trackingNo, String actor, String kind, String entry, boolean shownToCitizen) {
        appeals.log(trackingNo, ClockUtil.getCurrentTime().toInstant(), actor, kind, entry, shownToCitizen);
    }

    public boolean exists(String trackingNo) {
        return appeals.byTrackingNo(trackingNo).isPresent();
    }
}
