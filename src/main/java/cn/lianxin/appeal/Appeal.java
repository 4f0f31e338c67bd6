package cn.lianxin.appeal;

import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.deadline.TrafficLight;
import java.time.Instant;

/** One citizen's request as the platform keeps it (the aggregate of the appeal module). */
record Appeal(
        String trackingNo,
        String citizenName,
        String phone,
        String idNumber,
        Category category,
        String urgency,
        String scope,
        String description,
        String location,
        String villageCode,
        Channel channel,
        Path path,
        AppealStatus status,
        Satisfaction satisfaction,
        int reopenCount,
        String processInstanceId,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        TrafficLight light) {

    /** The citizen as every list and public view shows them. */
    public String maskedCitizen() {
        return Masking.name(citizenName) + " " + Masking.phone(phone);
    }
}
