package cn.lianxin.notification;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianxin.sms.*}: which SMS service sends the outbox's messages and how (docs/sms.md). The
 * access key comes from the environment, never from the repository.
 *
 * @param provider {@code log} (the default: nothing leaves, the log and the outbox keep the text) or {@code aliyun}
 * @param signName the signature (签名) registered with the provider, without 【】
 * @param templates the provider's template code for each template (every one must be registered)
 * @param endpoint the provider's API host (a local stub in tests)
 * @param protocol {@code HTTPS}; {@code HTTP} only for a local stub
 * @param maxParamLength the longest value a parameter may have (the provider refuses longer ones): longer ones are cut
 * @param receiptWindow how long after sending a message's delivery receipt is still asked for
 */
@ConfigurationProperties("lianxin.sms")
record SmsSettings(
        String provider,
        String accessKeyId,
        String accessKeySecret,
        String signName,
        Map<Template, String> templates,
        String endpoint,
        String protocol,
        Integer maxParamLength,
        Duration timeout,
        Duration receiptWindow) {

    SmsSettings {
        provider = provider == null || provider.isBlank() ? "log" : provider.trim();
        if (!provider.equals("log") && !provider.equals("aliyun")) {
            throw new IllegalStateException("lianxin.sms.provider 只能是 log 或 aliyun，当前：" + provider);
        }
        templates = templates == null || templates.isEmpty() ? Map.of() : new EnumMap<>(templates);
        endpoint = endpoint == null || endpoint.isBlank() ? "dysmsapi.aliyuncs.com" : endpoint.trim();
        protocol = protocol == null || protocol.isBlank()
                ? "HTTPS"
                : protocol.trim().toUpperCase();
        maxParamLength = maxParamLength == null ? 35 : maxParamLength;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        receiptWindow = receiptWindow == null ? Duration.ofHours(48) : receiptWindow;
    }
}
