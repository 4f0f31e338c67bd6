package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.Http;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 照片与凭证 over HTTP on PostgreSQL (docs/evidence.md): a phone's photo with EXIF GPS is kept and
 * served without any metadata, only with its case's access code or to cadres who may read the case;
 * handlers add 办理前/办理后 photos on their task, the citizen sees the 办理后 ones when asked to
 * evaluate; every refusal (not an image, too big, too many, wrong code, other unit, wrong role,
 * anonymous, closed case) is answered in Chinese and keeps nothing.
 */
@PlatformIntegrationTest
class PhotosIT {

    /** What a refused upload must leave as it was. */
    record Stored(long photos, long contents, long logLines) {}

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Photos photos;

    @Test
    void aCitizensPhotoIsKeptWithoutExifOrGpsAndServedOnlyWithItsOwnCasesCode() {
        // given two cases, and a phone's photo carrying EXIF with a GPS position
        Case mine = appeals.submit("lighting", "NORMAL", "HOUSEHOLD", "v0101");
        Case other = appeals.submit("road", "NORMAL", "HOUSEHOLD", "v0101");
        byte[] sent = SamplePhotos.jpegWithGps(64, 48, 1);
        assertThat(SamplePhotos.contains(sent, SamplePhotos.MARKER)).isTrue();

        // when the citizen attaches it with the access code
        ResponseEntity<JsonNode> attached = api.upload(
                "/api/appeals/" + mine.trackingNo() + "/photos",
                form(mine.accessCode(), file("IMG_0001.JPG", "image/jpeg", sent)));

        // then it is kept, re-encoded: no EXIF segment, no GPS, nothing of the metadata
        assertThat(attached.getStatusCode()).as("%s", attached.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode photo = attached.getBody().get(0);
        assertThat(photo.get("stage").asText()).isEqualTo("CITIZEN");
        assertThat(photo.get("stageLabel").asText()).isEqualTo("群众提交");
        assertThat(photo.has("addedBy")).isFalse();
        String id = photo.get("id").asText();
        byte[] kept = jdbc.sql("select content from photo_content where photo_key = ?")
                .param(id)
                .query((rs, i) -> rs.getBytes(1))
                .single();
        assertNoMetadata(kept);
        assertThat(SamplePhotos.read(kept).getWidth()).isEqualTo(64);

        // and served with the code: the same clean JPEG, never cached
        ResponseEntity<byte[]> served = http.getForEntity(
                "/api/appeals/" + mine.trackingNo() + "/photos/" + id + "?accessCode=" + mine.accessCode(),
                byte[].class);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(served.getHeaders().getCacheControl()).contains("no-store");
        assertThat(served.getBody()).isEqualTo(kept);
        assertNoMetadata(served.getBody());
        assertThat(ids(api.get("/api/appeals/" + mine.trackingNo() + "/photos?accessCode=" + mine.accessCode())))
                .containsExactly(id);

        // then another case's code, a wrong code, no code, or the other case's number never open it
        assertRefusedWithoutBytes(
                "/api/appeals/" + mine.trackingNo() + "/photos/" + id + "?accessCode=" + other.accessCode(),
                HttpStatus.NOT_FOUND);
        assertRefusedWithoutBytes(
                "/api/appeals/" + mine.trackingNo() + "/photos/" + id + "?accessCode=ABCDEF", HttpStatus.NOT_FOUND);
        assertRefusedWithoutBytes("/api/appeals/" + mine.trackingNo() + "/photos/" + id, HttpStatus.BAD_REQUEST);
        assertRefusedWithoutBytes(
                "/api/appeals/" + other.trackingNo() + "/photos/" + id + "?accessCode=" + other.accessCode(),
                HttpStatus.NOT_FOUND);
        assertRefusedWithoutBytes(
                "/api/appeals/" + other.trackingNo() + "/photos/../../photos/" + id + "?accessCode="
                        + other.accessCode(),
                HttpStatus.BAD_REQUEST);
        assertThat(api.get("/api/appeals/" + other.trackingNo() + "/photos?accessCode=" + other.accessCode())
                        .getBody())
                .isEmpty();
        assertThat(api.get("/api/appeals/" + mine.trackingNo() + "/photos?accessCode=" + other.accessCode())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // and the case log tells the citizen and the cadres
        assertThat(appeals.view(mine).get("timeline").toString()).contains("群众上传照片 1 张");
    }

    @Test
    void whatIsNotAPhotoTooBigOrTooManyIsRefusedInChineseNamingPhotosAndNothingIsKept() {
        // given
        Case appeal = appeals.submit("sanitation", "NORMAL", "HOUSEHOLD", "v0101");
        String path = "/api/appeals/" + appeal.trackingNo() + "/photos";
        byte[] photo = SamplePhotos.jpegWithGps(32, 32, 1);
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] huge = Arrays.copyOf(photo, 10 * 1024 * 1024 + 1);
        Stored before = stored(appeal);

        // when / then: a PDF and an HTML page named .jpg, sent as image/jpeg
        assertRefused(send(appeal, file("发票.jpg", "image/jpeg", pdf)), "不是照片");
        assertRefused(send(appeal, file("x.jpg", "image/jpeg", html)), "不是照片");
        // one photo over 10 MB
        assertRefused(send(appeal, file("big.jpg", "image/jpeg", huge)), "超过 10 MB");
        // four at once where three are allowed
        assertRefused(
                send(
                        appeal,
                        file("1.jpg", "image/jpeg", photo),
                        file("2.jpg", "image/jpeg", photo),
                        file("3.jpg", "image/jpeg", photo),
                        file("4.jpg", "image/jpeg", photo)),
                "最多 3 张");
        // a good one beside a bad one: neither is kept
        assertRefused(
                send(appeal, file("1.jpg", "image/jpeg", photo), file("2.jpg", "image/jpeg", pdf)), "第 2 张照片：不是照片");
        // none at all
        assertRefused(send(appeal), "请选择要上传的照片");
        // a wrong code
        assertThat(api.upload(path, form("ABCDEF", file("1.jpg", "image/jpeg", photo)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stored(appeal)).isEqualTo(before);

        // when two are kept, two more pass the limit of three
        assertThat(send(
                                appeal,
                                file("1.jpg", "image/jpeg", photo),
                                file("2.png", "image/png", SamplePhotos.png(20, 10)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Stored two = stored(appeal);
        assertRefused(send(appeal, file("3.jpg", "image/jpeg", photo), file("4.jpg", "image/jpeg", photo)), "已有 2 张");

        // then
        assertThat(two).isEqualTo(new Stored(before.photos() + 2, before.contents() + 2, before.logLines() + 1));
        assertThat(stored(appeal)).isEqualTo(two);
    }

    @Test
    void handlersAddPhotosBeforeAndAfterAndTheCitizenSeesTheAfterOnesWhenAskedToEvaluate() {
        // given a case of 东风 (v0101)
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.taskIdOf("gw-v0101", appeal, "triage");
        assertThat(operations("gw-v0101", triage)).contains("photo");
        byte[] photo = SamplePhotos.jpegWithGps(48, 32, 1);
        Stored before = stored(appeal);

        // then nobody but the task's handlers attaches to it, and a wrong stage is named
        assertThat(attach(new Api(http), triage, "BEFORE", photo).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(attach(api.as("gw-v0201"), triage, "BEFORE", photo).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(attach(api.as("leader"), triage, "BEFORE", photo).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(attach(api.as("gw-v0101"), "not-a-task", "BEFORE", photo).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.badRequestFields(attach(api.as("gw-v0101"), triage, "DURING", photo)))
                .containsExactly("stage");
        assertThat(Api.badRequestFields(attach(api.as("gw-v0101"), triage, null, photo)))
                .containsExactly("stage");
        assertThat(stored(appeal)).isEqualTo(before);

        // when the grid worker attaches a 办理前 photo at triage
        ResponseEntity<JsonNode> beforePhoto = attach(api.as("gw-v0101"), triage, "BEFORE", photo);

        // then it is kept clean, cadres who may read the case see it, the citizen does not
        assertThat(beforePhoto.getStatusCode()).as("%s", beforePhoto.getBody()).isEqualTo(HttpStatus.CREATED);
        String beforeId = beforePhoto.getBody().get(0).get("id").asText();
        assertThat(beforePhoto.getBody().get(0).get("addedBy").asText()).isEqualTo("gw-v0101");
        assertThat(ids(api.as("head-v0101").get("/api/cases/" + appeal.trackingNo() + "/photos")))
                .containsExactly(beforeId);
        assertThat(ids(api.as("leader").get("/api/cases/" + appeal.trackingNo() + "/photos")))
                .containsExactly(beforeId);
        assertThat(ids(api.as("gw-v0101").get("/api/tasks/" + triage + "/photos")))
                .containsExactly(beforeId);
        ResponseEntity<byte[]> forCadre = Http.as(http, "head-v0101")
                .getForEntity("/api/cases/" + appeal.trackingNo() + "/photos/" + beforeId, byte[].class);
        assertThat(forCadre.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertNoMetadata(forCadre.getBody());
        assertThat(citizenSees(appeal)).isEmpty();
        assertThat(appeals.view(appeal).get("timeline").toString()).doesNotContain("办理前照片");

        // and another village, a role that follows no case, and nobody signed in cannot read them
        assertThat(api.as("gw-v0201")
                        .get("/api/cases/" + appeal.trackingNo() + "/photos")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Http.as(http, "gw-v0201")
                        .getForEntity("/api/cases/" + appeal.trackingNo() + "/photos/" + beforeId, byte[].class)
                        .getHeaders()
                        .getContentType())
                .isNotEqualTo(MediaType.IMAGE_JPEG);
        assertThat(api.as("designer")
                        .get("/api/cases/" + appeal.trackingNo() + "/photos")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("/api/cases/" + appeal.trackingNo() + "/photos").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("gw-v0201").get("/api/tasks/" + triage + "/photos").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // when it is handled on the spot with a 办理后 photo and fed back
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String handle = appeals.taskIdOf("gw-v0101", appeal, "handle-immediate");
        ResponseEntity<JsonNode> afterPhoto = attach(api.as("gw-v0101"), handle, "AFTER", photo);
        assertThat(afterPhoto.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String afterId = afterPhoto.getBody().get(0).get("id").asText();
        assertThat(citizenSees(appeal)).isEmpty();
        assertRefusedWithoutBytes(
                "/api/appeals/" + appeal.trackingNo() + "/photos/" + afterId + "?accessCode=" + appeal.accessCode(),
                HttpStatus.NOT_FOUND);
        appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已更换楼道灯"));
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知"));

        // then the citizen, asked to evaluate, sees the 办理后 photo and never the 办理前 one
        assertThat(appeals.view(appeal).get("canEvaluate").asBoolean()).isTrue();
        assertThat(citizenSees(appeal)).containsExactly(afterId);
        ResponseEntity<byte[]> result = http.getForEntity(
                "/api/appeals/" + appeal.trackingNo() + "/photos/" + afterId + "?accessCode=" + appeal.accessCode(),
                byte[].class);
        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertNoMetadata(result.getBody());
        assertRefusedWithoutBytes(
                "/api/appeals/" + appeal.trackingNo() + "/photos/" + beforeId + "?accessCode=" + appeal.accessCode(),
                HttpStatus.NOT_FOUND);
        List<String> kinds = jdbc.sql(
                        "select entry from appeal_log where tracking_no = ? and kind = 'PHOTO' order by id")
                .param(appeal.trackingNo())
                .query(String.class)
                .list();
        assertThat(kinds).hasSize(2);
        assertThat(kinds.get(0)).contains("办理前照片 1 张", "分类分流");
        assertThat(kinds.get(1)).contains("办理后照片 1 张");

        // when the citizen evaluates, the case is closed: nothing more is attached
        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/evaluation",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "satisfaction", "SATISFIED")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Stored closed = stored(appeal);
        ResponseEntity<JsonNode> late = api.upload(
                "/api/appeals/" + appeal.trackingNo() + "/photos",
                form(appeal.accessCode(), file("c.jpg", "image/jpeg", photo)));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("不能再上传照片");
        assertThat(stored(appeal)).isEqualTo(closed);
        assertThat(citizenSees(appeal)).containsExactly(afterId);
    }

    @Test
    void thePortalAttachesTheCitizensPhotosRightAfterIntakeThroughTheJavaApi() {
        // given a case just taken in, and a form whose file field was left empty beside one photo
        Case appeal = appeals.submit("parking", "NORMAL", "HOUSEHOLD", "v0101");
        var empty = new org.springframework.mock.web.MockMultipartFile(
                "photos", "", "application/octet-stream", new byte[0]);
        var chosen = new org.springframework.mock.web.MockMultipartFile(
                "photos", "IMG_0002.jpg", "image/jpeg", SamplePhotos.jpegWithGps(30, 20, 1));

        // when
        List<Photos.Photo> attached = photos.attachCitizenPhotos(appeal.trackingNo(), List.of(empty, chosen));

        // then
        assertThat(attached).hasSize(1);
        assertThat(photos.attachCitizenPhotos(appeal.trackingNo(), List.of(empty)))
                .isEmpty();
        assertThat(citizenSees(appeal)).containsExactly(attached.get(0).id());
    }

    /** The citizen sends these files with the case's access code. */
    @SafeVarargs
    private ResponseEntity<JsonNode> send(Case appeal, HttpEntity<ByteArrayResource>... files) {
        return api.upload("/api/appeals/" + appeal.trackingNo() + "/photos", form(appeal.accessCode(), files));
    }

    /** The user attaches one photo to the task at this stage (none when null). */
    private static ResponseEntity<JsonNode> attach(Api as, String taskId, String stage, byte[] photo) {
        return as.upload("/api/tasks/" + taskId + "/photos", cadreForm(stage, file("a.jpg", "image/jpeg", photo)));
    }

    private List<String> citizenSees(Case appeal) {
        ResponseEntity<JsonNode> list =
                api.get("/api/appeals/" + appeal.trackingNo() + "/photos?accessCode=" + appeal.accessCode());
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ids(list);
    }

    private List<String> operations(String user, String taskId) {
        ResponseEntity<JsonNode> response = api.as(user).get("/api/tasks/" + taskId + "/operations");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().get("allowed").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private Stored stored(Case appeal) {
        return new Stored(
                jdbc.sql("select count(*) from appeal_photo").query(Long.class).single(),
                jdbc.sql("select count(*) from photo_content").query(Long.class).single(),
                jdbc.sql("select count(*) from appeal_log where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(Long.class)
                        .single());
    }

    private void assertRefused(ResponseEntity<JsonNode> response, String message) {
        assertThat(Api.badRequestFields(response)).containsOnly("photos");
        assertThat(response.getBody().get("detail").asText()).contains("photos");
        assertThat(response.getBody().get("errors").toString()).contains(message);
    }

    private void assertRefusedWithoutBytes(String path, HttpStatus status) {
        ResponseEntity<String> refused = http.getForEntity(path, String.class);
        assertThat(refused.getStatusCode()).as(path).isEqualTo(status);
        assertThat(refused.getHeaders().getContentType()).isNotEqualTo(MediaType.IMAGE_JPEG);
        assertThat(refused.getBody()).doesNotContain("JFIF");
    }

    private static void assertNoMetadata(byte[] jpeg) {
        assertThat(SamplePhotos.segments(jpeg)).doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
        assertThat(SamplePhotos.contains(jpeg, "Exif")).isFalse();
        assertThat(SamplePhotos.contains(jpeg, SamplePhotos.MARKER)).isFalse();
    }

    private static List<String> ids(ResponseEntity<JsonNode> list) {
        assertThat(list.getStatusCode()).as("%s", list.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        list.getBody().forEach(photo -> ids.add(photo.get("id").asText()));
        return ids;
    }

    @SafeVarargs
    private static MultiValueMap<String, Object> form(String accessCode, HttpEntity<ByteArrayResource>... files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("accessCode", accessCode);
        for (HttpEntity<ByteArrayResource> f : files) {
            parts.add("photos", f);
        }
        return parts;
    }

    @SafeVarargs
    private static MultiValueMap<String, Object> cadreForm(String stage, HttpEntity<ByteArrayResource>... files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (stage != null) {
            parts.add("stage", stage);
        }
        for (HttpEntity<ByteArrayResource> f : files) {
            parts.add("photos", f);
        }
        return parts;
    }

    /** A file part as a browser sends it: the name and type the client claims. */
    private static HttpEntity<ByteArrayResource> file(String name, String type, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        headers.setContentDispositionFormData("photos", name);
        return new HttpEntity<>(
                new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                },
                headers);
    }
}
