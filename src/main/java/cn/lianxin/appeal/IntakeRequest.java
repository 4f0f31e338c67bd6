package cn.lianxin.appeal;

import cn.lianxin.citizen.RefusesUnknownFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a citizen submits: {@code POST /api/appeals}. The channel is {@code ONLINE} or absent (then
 * {@code ONLINE}); the other channels are a cadre's, registered in Tasklist. Fields it does not
 * declare are refused.
 */
public record IntakeRequest(
        @NotBlank(message = "必须填写姓名") @Size(max = 50, message = "不能超过 50 个字") String citizenName,
        @NotBlank(message = "必须填写手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "应为 11 位大陆手机号码") String phone,
        @Pattern(regexp = "\\d{17}[\\dXx]", message = "应为 18 位身份证号码") String idNumber,
        @NotBlank(message = "必须选择诉求类别") String category,
        @NotBlank(message = "必须填写诉求内容") @Size(max = 2000, message = "不能超过 2000 个字") String description,
        @NotBlank(message = "必须选择所在村（社区）") String villageCode,
        @Size(max = 200, message = "不能超过 200 个字") String location,
        Channel channel,
        @Pattern(regexp = "NORMAL|URGENT", message = "应为 NORMAL 或 URGENT") String urgency,
        @Pattern(
                        regexp = "HOUSEHOLD|BUILDING|VILLAGE|CROSS_AREA",
                        message = "应为 HOUSEHOLD、BUILDING、VILLAGE 或 CROSS_AREA")
                String scope)
        implements RefusesUnknownFields {

    /** The channel the case is recorded with: a public request comes in online. */
    Channel channelOrOnline() {
        return channel == null ? Channel.ONLINE : channel;
    }
}
