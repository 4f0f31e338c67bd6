package cn.lianxin.deliberation;

import java.time.Instant;

/** A topic as the platform keeps it; personal data stays here, never in the process. */
public record Topic(
        String deliberationNo,
        String title,
        String background,
        String affectedArea,
        String options,
        Origin origin,
        String proposerName,
        String phone,
        String villageCode,
        Stage stage,
        TopicStatus status,
        String reviewReasons,
        String mergedInto,
        Instant meetingAt,
        String meetingPlace,
        String participants,
        String plan,
        Boolean passed,
        String processInstanceId,
        Instant createdAt,
        Instant archivedAt) {}
