package cn.lianxin.appeal;

import java.util.List;

/** The deliberation topics raised from a case, for the case's public view (provided by 协商议事). */
public interface LinkedTopics {

    record Topic(String deliberationNo, String title, String stageLabel, String statusLabel) {}

    List<Topic> of(String trackingNo);
}
