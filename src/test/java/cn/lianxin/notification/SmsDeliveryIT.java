package cn.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS through Alibaba Cloud's SDK to a local stub of its API, on PostgreSQL: a request submitted online
 * and one a grid worker registers at the station both send the citizen the receipt (template code,
 * tracking number, access code); a provider's error is retried, then FAILED with its reason; the
 * delivery receipt marks a message DELIVERED or FAILED.
 */
@PlatformIntegrationTest
class SmsDeliveryIT {

    @RegisterExtension
    static final AliyunSmsStub stub = AliyunSmsStub.start();

    @DynamicPropertySource
    static void smsThroughTheStub(DynamicPropertyRegistry properties) {
        properties.add("lianxin.sms.provider", () -> "aliyun");
        properties.add("lianxin.sms.access-key-id", () -> AliyunSmsStub.KEY_ID);
        properties.add("lianxin.sms.access-key-secret", () -> AliyunSmsStub.KEY_SECRET);
        properties.add("lianxin.sms.sign-name", () -> "连心");
        properties.add("lianxin.sms.endpoint", stub::endpoint);
        properties.add("lianxin.sms.protocol", () -> "HTTP");
        properties.add("lianxin.notifications.scheduled", () -> "false");
        properties.add("lianxin.notifications.max-attempts", () -> "2");
        Arrays.stream(Template.values())
                .forEach(template ->
                        properties.add("lianxin.sms.templates." + template.name(), () -> "SMS_" + template.name()));
    }

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    OutboxSender sender;

    @Autowired
    DeliveryReports reports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestSubmittedOnlineSendsTheCitizenTheReceiptWithItsNumberAndCode() {
        // given
        AppealFixtures.Case appeal = appeals.submit("road", "NORMAL", "HOUSEHOLD", "v0101");

        // when
        sender.sendDue(Instant.now().plusSeconds(1));

        // then
        AliyunSmsStub.Sent receipt = receiptOf(appeal.trackingNo());
        assertThat(receipt.phoneNumbers()).isEqualTo("13800000001");
        assertThat(receipt.signName()).isEqualTo("连心");
        assertThat(receipt.params()).isEqualTo(Map.of("no", appeal.trackingNo(), "code", appeal.accessCode()));
        assertThat(stub.badSignatures).isEmpty();
        assertThat(outbox(appeal.trackingNo()))
                .containsEntry("status", "SENT")
                .containsEntry("provider_biz_id", receipt.bizId())
                .containsEntry("template", "RECEIPT");
        assertThat((String) outbox(appeal.trackingNo()).get("body"))
                .contains(appeal.trackingNo(), appeal.accessCode(), "http://localhost:8080");
    }

    @Test
    void aRequestAGridWorkerRegistersAtTheStationSendsTheCitizenTheReceiptToo() {
        // given
        Map<String, Object> form = AppealFixtures.stationForm("王五", "13700000003", "security", "HOUSEHOLD", "单元门禁坏了");
        ResponseEntity<JsonNode> started =
                api.as("gw-v0201").post("/engine-rest/process-definition/key/appeal/submit-form", form);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String trackingNo = started.getBody().get("businessKey").asText();

        // when
        sender.sendDue(Instant.now().plusSeconds(1));

        // then the code in the SMS opens the case on the portal's API: it is the case's own
        AliyunSmsStub.Sent receipt = receiptOf(trackingNo);
        assertThat(receipt.phoneNumbers()).isEqualTo("13700000003");
        assertThat(receipt.params()).containsEntry("no", trackingNo).containsKey("code");
        assertThat(api.get("/api/appeals/" + trackingNo + "?accessCode="
                                + receipt.params().get("code"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aProvidersErrorIsRetriedThenTheMessageIsFailedWithTheReason() {
        // given
        AppealFixtures.Case appeal = appeals.submit("road", "NORMAL", "HOUSEHOLD", "v0101");
        stub.errorCode = "isv.BUSINESS_LIMIT_CONTROL";
        Instant now = Instant.now().plusSeconds(1);

        // when the first try fails
        sender.sendDue(now);

        // then it is kept for another try, with the provider's reason
        assertThat(outbox(appeal.trackingNo()))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        assertThat((String) outbox(appeal.trackingNo()).get("last_error")).contains("isv.BUSINESS_LIMIT_CONTROL");

        // when the second (the last, max-attempts=2) fails as well
        sender.sendDue(now.plus(Duration.ofMinutes(2)));

        // then it is given up
        assertThat(outbox(appeal.trackingNo()))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 2);
        assertThat((String) outbox(appeal.trackingNo()).get("last_error")).contains("isv.BUSINESS_LIMIT_CONTROL");
        assertThat(stub.sent)
                .noneMatch(sent -> appeal.trackingNo().equals(sent.params().get("no")));
    }

    @Test
    void theDeliveryReceiptMarksTheMessageDeliveredOrFailedWithTheCarriersReason() {
        // given two sent receipts, still waiting for the carrier
        AppealFixtures.Case delivered = appeals.submit("road", "NORMAL", "HOUSEHOLD", "v0101");
        Instant now = Instant.now().plusSeconds(1);
        sender.sendDue(now);
        reports.collect(now);
        assertThat(outbox(delivered.trackingNo())).containsEntry("status", "SENT");

        // when the carrier reports it delivered
        stub.sendStatus = 3;
        stub.receiptCode = "DELIVERED";
        reports.collect(now.plusSeconds(60));

        // then
        assertThat(outbox(delivered.trackingNo())).containsEntry("status", "DELIVERED");
        assertThat(outbox(delivered.trackingNo()).get("reported_at")).isNotNull();

        // and one the carrier could not deliver is FAILED with its reason
        AppealFixtures.Case undelivered = appeals.submit("road", "NORMAL", "HOUSEHOLD", "v0101");
        sender.sendDue(now.plusSeconds(120));
        stub.sendStatus = 2;
        stub.receiptCode = "MK:0001";
        reports.collect(now.plusSeconds(180));
        assertThat(outbox(undelivered.trackingNo())).containsEntry("status", "FAILED");
        assertThat((String) outbox(undelivered.trackingNo()).get("last_error")).contains("未送达", "MK:0001");
        assertThat(outbox(delivered.trackingNo())).containsEntry("status", "DELIVERED");
        assertThat(stub.badSignatures).isEmpty();
    }

    private AliyunSmsStub.Sent receiptOf(String trackingNo) {
        List<AliyunSmsStub.Sent> sent = stub.sent.stream()
                .filter(each -> trackingNo.equals(each.params().get("no")))
                .toList();
        assertThat(sent).singleElement().satisfies(each -> {
            assertThat(each.action()).isEqualTo("SendSms");
            assertThat(each.templateCode()).isEqualTo("SMS_RECEIPT");
        });
        return sent.get(0);
    }

    private Map<String, Object> outbox(String trackingNo) {
        return jdbc.sql("select template, status, attempts, body, last_error, provider_biz_id, reported_at"
                        + " from notification_outbox where tracking_no = ? and template = 'RECEIPT'")
                .param(trackingNo)
                .query()
                .singleRow();
    }
}
