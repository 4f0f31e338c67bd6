package cn.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.lianxin.identity.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Alibaba Cloud adapter against a local stub of the service: the template mapping, the signed request, the answers. */
class AliyunSmsTests {

    @RegisterExtension
    static final AliyunSmsStub stub = AliyunSmsStub.start();

    final People people = mock(People.class);

    static Map<Template, String> codes() {
        Map<Template, String> codes = new EnumMap<>(Template.class);
        Arrays.stream(Template.values()).forEach(template -> codes.put(template, "SMS_" + template.name()));
        return codes;
    }

    AliyunSms sms(String secret, Map<Template, String> codes) throws Exception {
        return new AliyunSms(
                new SmsSettings(
                        "aliyun", AliyunSmsStub.KEY_ID, secret, "连心", codes, stub.endpoint(), "HTTP", null, null, null),
                people);
    }

    static Notifier.Message receipt(Recipient.Kind kind, String to) {
        return new Notifier.Message(
                7, Template.RECEIPT, kind, to, "LX-1", "【连心】…", Map.of("no", "LX-1", "code", "ABCD2345"));
    }

    @Test
    void eachTemplatesParametersAreSentByNameInItsOrderCutToTheProvidersLimitAndNeverEmpty() {
        assertThat(AliyunSms.templateParam(Template.RECEIPT, Map.of("code", "ABCD2345", "no", "LX-1"), 35))
                .isEqualTo("{\"no\":\"LX-1\",\"code\":\"ABCD2345\"}");
        assertThat(AliyunSms.templateParam(Template.PROGRESS, Map.of("no", "LX-1", "news", "一二三四五六七八九十一二三四五"), 10))
                .isEqualTo("{\"no\":\"LX-1\",\"news\":\"一二三四五六七八九…\"}");
        assertThat(AliyunSms.templateParam(Template.CADRE_NOTICE, Map.of("kind", "超期"), 35))
                .isEqualTo("{\"kind\":\"超期\",\"no\":\"-\"}");
    }

    @Test
    void everyParameterNameIsOneTheProviderAccepts() {
        // letters and digits starting with a letter, and none of the names Alibaba Cloud reserves
        for (Template template : Template.values()) {
            assertThat(template.params())
                    .isNotEmpty()
                    .allMatch(name -> name.matches("[a-z][A-Za-z0-9_]{0,24}"))
                    .noneMatch(List.of("email", "mobile", "id", "nick", "site")::contains);
        }
    }

    @Test
    void theListACountyFilesWithTheProviderNamesEveryTemplateAndItsParameters() throws Exception {
        String docs = Files.readString(Path.of("docs/sms.md"));
        for (Template template : Template.values()) {
            String row = docs.lines()
                    .filter(line -> line.startsWith("| `" + template.name() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("docs/sms.md 缺少模板 " + template));
            template.params().forEach(name -> assertThat(row).contains("${" + name + "}"));
            assertThat(row.split("\\$\\{", -1)).hasSize(template.params().size() + 1);
            assertThat(row.contains("{base-url}")).isEqualTo(template.linksPortal());
        }
    }

    @Test
    void aCitizensReceiptGoesOutSignedAsTheTemplateCodeWithItsParameters() throws Exception {
        Notifier.Accepted accepted =
                sms(AliyunSmsStub.KEY_SECRET, codes()).deliver(receipt(Recipient.Kind.CITIZEN, "13800000001"));

        assertThat(stub.badSignatures).isEmpty();
        assertThat(stub.sent)
                .containsExactly(new AliyunSmsStub.Sent(
                        "SendSms",
                        "13800000001",
                        "连心",
                        "SMS_RECEIPT",
                        Map.of("no", "LX-1", "code", "ABCD2345"),
                        "BIZ-1"));
        assertThat(accepted.bizId()).isEqualTo("BIZ-1");
        assertThat(accepted.requestId()).isEqualTo("R-1");
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() throws Exception {
        AliyunSms forged = sms("not-the-secret", codes());

        assertThatThrownBy(() -> forged.deliver(receipt(Recipient.Kind.CITIZEN, "13800000001")))
                .hasMessageContaining("signature is not matched");
        assertThat(stub.badSignatures).containsExactly("SendSms");
        assertThat(stub.sent).isEmpty();
    }

    @Test
    void theProvidersErrorCodeIsAFailureToTryAgain() throws Exception {
        stub.errorCode = "isv.BUSINESS_LIMIT_CONTROL";

        assertThatThrownBy(() ->
                        sms(AliyunSmsStub.KEY_SECRET, codes()).deliver(receipt(Recipient.Kind.CITIZEN, "13800000001")))
                .isInstanceOf(AliyunSms.SmsRefused.class)
                .isNotInstanceOf(Notifier.Undeliverable.class)
                .hasMessageContaining("isv.BUSINESS_LIMIT_CONTROL");
    }

    @Test
    void cadresAreSentToTheirPhonesOnFileAGroupInOneSendAndNoPhoneIsUndeliverable() throws Exception {
        when(people.phonesOf("grid-worker-v0101")).thenReturn(List.of("13900000001", "13900000002"));
        when(people.phoneOf("dept-jt")).thenReturn(Optional.empty());
        AliyunSms sms = sms(AliyunSmsStub.KEY_SECRET, codes());
        Notifier.Message notice = new Notifier.Message(
                8,
                Template.CADRE_NOTICE,
                Recipient.Kind.GROUP,
                "grid-worker-v0101",
                "LX-1",
                "【连心】LX-1 已超期",
                Map.of("kind", "超期", "no", "LX-1"));

        sms.deliver(notice);

        assertThat(stub.sent).singleElement().satisfies(sent -> {
            assertThat(sent.phoneNumbers()).isEqualTo("13900000001,13900000002");
            assertThat(sent.templateCode()).isEqualTo("SMS_CADRE_NOTICE");
            assertThat(sent.params()).isEqualTo(Map.of("kind", "超期", "no", "LX-1"));
        });
        assertThatThrownBy(() -> sms.deliver(new Notifier.Message(
                        9,
                        Template.CADRE_NOTICE,
                        Recipient.Kind.USER,
                        "dept-jt",
                        "LX-1",
                        "x",
                        Map.of("kind", "临期", "no", "LX-1"))))
                .isInstanceOf(Notifier.Undeliverable.class)
                .hasMessageContaining("dept-jt");
        assertThat(stub.sent).hasSize(1);
    }

    @Test
    void theDeliveryReceiptIsReadFromTheProvider() throws Exception {
        AliyunSms sms = sms(AliyunSmsStub.KEY_SECRET, codes());
        Instant sentAt = Instant.parse("2026-12-06T02:00:00Z");

        assertThat(sms.receiptOf("13800000001", "BIZ-1", sentAt)).isEmpty();
        stub.sendStatus = 3;
        stub.receiptCode = "DELIVERED";
        assertThat(sms.receiptOf("13800000001", "BIZ-1", sentAt))
                .contains(new DeliveryReceipts.Receipt(true, "DELIVERED"));
        stub.sendStatus = 2;
        stub.receiptCode = "MK:0001";
        assertThat(sms.receiptOf("13800000001", "BIZ-1", sentAt))
                .contains(new DeliveryReceipts.Receipt(false, "MK:0001"));
        assertThat(stub.badSignatures).isEmpty();
    }

    @Test
    void itDoesNotStartWithoutTheKeyOrWithATemplateUnregistered() {
        Map<Template, String> missing = codes();
        missing.remove(Template.REVISIT);

        assertThatThrownBy(() -> sms(AliyunSmsStub.KEY_SECRET, missing)).hasMessageContaining("REVISIT");
        assertThatThrownBy(() -> sms("", codes())).hasMessageContaining("LIANXIN_SMS_ACCESS_KEY_SECRET");
    }
}
