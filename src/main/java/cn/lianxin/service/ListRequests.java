package cn.lianxin.service;

import cn.lianxin.citizen.RefusesUnknownFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the station head or branch secretary sends to create or change an entry of the three lists. */
final class ListRequests {

    private ListRequests() {}

    /** 资源清单: a service and who offers it. */
    record ResourceRequest(
            @NotBlank(message = "必须填写服务名称") @Size(max = 100, message = "不能超过 100 个字") String title,
            @Size(max = 1000, message = "不能超过 1000 个字") String description,
            @NotBlank(message = "必须选择提供方类型")
                    @Pattern(
                            regexp = "UNIT|PARTY_MEMBER|VOLUNTEER|PARTNER",
                            message = "应为 UNIT（单位）、PARTY_MEMBER（党员）、VOLUNTEER（志愿者）或 PARTNER（共建单位）")
                    String providerKind,
            @NotBlank(message = "必须填写提供方") @Size(max = 100, message = "不能超过 100 个字") String providerName)
            implements RefusesUnknownFields {}

    /** 需求清单: what residents need, and where it was heard. */
    record NeedRequest(
            @NotBlank(message = "必须填写需求名称") @Size(max = 100, message = "不能超过 100 个字") String title,
            @Size(max = 1000, message = "不能超过 1000 个字") String description,
            @NotBlank(message = "必须选择需求来源")
                    @Pattern(
                            regexp = "RESIDENT|APPEAL|VISIT",
                            message = "应为 RESIDENT（群众提出）、APPEAL（诉求转为需求）或 VISIT（走访发现）")
                    String source,
            @Size(max = 32, message = "不能超过 32 个字符") String sourceRef)
            implements RefusesUnknownFields {}

    /** 项目清单: a need taken on, with its owner, dates and status. */
    record ProjectRequest(
            @NotBlank(message = "必须填写项目名称") @Size(max = 100, message = "不能超过 100 个字") String title,
            @Size(max = 1000, message = "不能超过 1000 个字") String description,
            Long needId,
            @NotBlank(message = "必须填写责任单位或责任人") @Size(max = 100, message = "不能超过 100 个字") String owner,
            @NotBlank(message = "必须填写开始日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "应为 年-月-日，如 2026-12-24")
                    String startsOn,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "应为 年-月-日，如 2026-12-24") String endsOn,
            @Pattern(regexp = "PLANNED|ONGOING|DONE", message = "应为 PLANNED（计划中）、ONGOING（实施中）或 DONE（已完成）；关闭请用关闭操作")
                    String status)
            implements RefusesUnknownFields {}
}
