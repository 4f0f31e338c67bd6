package cn.lianxin.deliberation;

import cn.lianxin.citizen.RefusesUnknownFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen's proposal of a topic: {@code POST /api/deliberations} (DESIGN §3). What the server
 * decides — the origin ({@code CITIZEN}), the stage, the number — is not here, and a field the
 * record does not declare is refused rather than ignored.
 */
public record ProposalRequest(
        @NotBlank(message = "必须填写议题名称") @Size(max = 100, message = "不能超过 100 个字") String title,
        @NotBlank(message = "必须说明议题背景") @Size(max = 2000, message = "不能超过 2000 个字") String background,
        @Size(max = 200, message = "不能超过 200 个字") String affectedArea,
        @Size(max = 2000, message = "不能超过 2000 个字") String options,
        @NotBlank(message = "必须填写提议人姓名") @Size(max = 50, message = "不能超过 50 个字") String proposerName,
        @NotBlank(message = "必须填写手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "应为 11 位大陆手机号码") String phone,
        @NotBlank(message = "必须选择所在村（社区）") String villageCode)
        implements RefusesUnknownFields {}
