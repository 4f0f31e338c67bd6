package cn.lianxin.service;

import cn.lianxin.citizen.RefusesUnknownFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A resident's order (点单): {@code POST /api/service-orders}, from the village's resource list
 * ({@code resourceId}) or describing a need. What the server decides — number, status, who serves — is not
 * here, and a field the record does not declare is refused rather than ignored.
 */
record OrderRequest(
        @NotBlank(message = "必须填写姓名") @Size(max = 50, message = "不能超过 50 个字") String residentName,
        @NotBlank(message = "必须填写手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "应为 11 位大陆手机号码") String phone,
        @NotBlank(message = "必须选择所在村（社区）") String villageCode,
        Long resourceId,
        @NotBlank(message = "必须说明需要什么服务") @Size(max = 1000, message = "不能超过 1000 个字") String description,
        @Size(max = 200, message = "不能超过 200 个字") String address)
        implements RefusesUnknownFields {}
