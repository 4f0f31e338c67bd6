package cn.lianxin.notification;

import cn.lianxin.identity.People;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alibaba Cloud SMS (阿里云短信服务) through its official SDK: each message is its template's code
 * (registered with the provider) and named parameters, signed with the county's access key. Cadres'
 * messages go to the mobile numbers on file (the roster's 手机号); a group's members get one send. The
 * provider's {@code BizId} comes back into the outbox, and {@code QuerySendDetails} answers whether a
 * citizen's message reached the phone.
 */
class AliyunSms implements Notifier, DeliveryReceipts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** QuerySendDetails: 1 waiting for the receipt, 2 failed, 3 delivered. */
    private static final long FAILED = 2;

    private static final long DELIVERED = 3;

    private final Client client;
    private final SmsSettings settings;
    private final People people;

    AliyunSms(SmsSettings settings, People people) throws Exception {
        List<String> missing = Arrays.stream(Template.values())
                .filter(template -> blank(settings.templates().get(template)))
                .map(Template::name)
                .toList();
        if (blank(settings.accessKeyId()) || blank(settings.accessKeySecret()) || blank(settings.signName())) {
            throw new IllegalStateException("阿里云短信需要 LIANXIN_SMS_ACCESS_KEY_ID、LIANXIN_SMS_ACCESS_KEY_SECRET 和签名"
                    + " lianxin.sms.sign-name（见 docs/sms.md）");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("阿里云短信缺少模板编号 lianxin.sms.templates." + missing + "（见 docs/sms.md）");
        }
        this.settings = settings;
        this.people = people;
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        this.client = new Client(new Config()
                .setAccessKeyId(settings.accessKeyId())
                .setAccessKeySecret(settings.accessKeySecret())
                .setEndpoint(settings.endpoint())
                .setProtocol(settings.protocol())
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout));
    }

    @Override
    public Accepted deliver(Message message) throws Exception {
        List<String> phones = phonesOf(message);
        if (phones.isEmpty()) {
            throw new Undeliverable("没有登记手机号码：" + message.recipient());
        }
        SendSmsResponseBody answer = client.sendSms(request(message, phones)).getBody();
        if (!"OK".equals(answer.getCode())) {
            throw new SmsRefused(answer.getCode(), answer.getMessage());
        }
        return new Accepted(answer.getRequestId(), answer.getBizId());
    }

    /** The request for one message: its template code, signature, the phones and its parameters as JSON. */
    SendSmsRequest request(Message message, List<String> phones) {
        return new SendSmsRequest()
                .setPhoneNumbers(String.join(",", phones))
                .setSignName(settings.signName())
                .setTemplateCode(settings.templates().get(message.template()))
                .setTemplateParam(templateParam(message.template(), message.params(), settings.maxParamLength()))
                .setOutId(Long.toString(message.id()));
    }

    /**
     * The template's named parameters as the provider takes them: a JSON object in the template's
     * order, each value at most {@code maxLength} characters (longer ones end in “…”), none empty.
     */
    static String templateParam(Template template, Map<String, String> params, int maxLength) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String name : template.params()) {
            String value = params.getOrDefault(name, "");
            if (value.isBlank()) {
                value = "-";
            }
            named.put(name, value.length() > maxLength ? value.substring(0, maxLength - 1) + "…" : value);
        }
        try {
            return JSON.writeValueAsString(named);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> phonesOf(Message message) {
        return switch (message.kind()) {
            case CITIZEN -> List.of(message.recipient());
            case USER -> people.phoneOf(message.recipient()).stream().toList();
            case GROUP -> people.phonesOf(message.recipient());
        };
    }

    @Override
    public Optional<Receipt> receiptOf(String phone, String bizId, Instant sentAt) throws Exception {
        QuerySendDetailsResponseBody answer = client.querySendDetails(new QuerySendDetailsRequest()
                        .setPhoneNumber(phone)
                        .setBizId(bizId)
                        .setSendDate(SEND_DATE.format(sentAt.atZone(CHINA)))
                        .setPageSize(10L)
                        .setCurrentPage(1L))
                .getBody();
        if (!"OK".equals(answer.getCode())) {
            throw new SmsRefused(answer.getCode(), answer.getMessage());
        }
        if (answer.getSmsSendDetailDTOs() == null
                || answer.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null) {
            return Optional.empty();
        }
        return answer.getSmsSendDetailDTOs().getSmsSendDetailDTO().stream()
                .filter(detail -> detail.getSendStatus() != null)
                .filter(detail -> detail.getSendStatus() == DELIVERED || detail.getSendStatus() == FAILED)
                .findFirst()
                .map(detail -> new Receipt(detail.getSendStatus() == DELIVERED, detail.getErrCode()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The provider answered but did not take the message (its code, e.g. isv.BUSINESS_LIMIT_CONTROL, and reason). */
    static class SmsRefused extends Exception {

        SmsRefused(String code, String reason) {
            super("短信平台拒绝：" + code + (reason == null ? "" : "（" + reason + "）"));
        }
    }
}
