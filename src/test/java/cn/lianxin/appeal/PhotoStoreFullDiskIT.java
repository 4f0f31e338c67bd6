package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A full disk under the file photo store (docs/operations.md "Faults, measured"), made real: the store's
 * directory is a 2 MB tmpfs mounted for this test (the tests run as root; a machine where mount is
 * refused fails this test with the reason). Filled until the kernel refuses a write, with less room left
 * than a photo needs: the upload answers 507 problem+json in Chinese, no photo file (not even half of
 * one) and no row stays, the case is as it was, and {@code /actuator/health} shows the store DOWN with
 * its free space; once space is freed, the health is UP and the same upload is kept.
 */
@PlatformIntegrationTest
class PhotoStoreFullDiskIT {

    static final Path DISK = Path.of("target", "photo-disk").toAbsolutePath();

    /** Left free after filling: less than a noisy photo re-encoded, more than nothing (a write starts, then fails). */
    static final int LEFT_FREE = 96 * 1024;

    static final Path FILLER = DISK.resolve("filler.bin");

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void mountATinyDisk() throws Exception {
        Files.createDirectories(DISK);
        run("umount", DISK.toString()); // a mount an aborted run left behind; refused when there is none
        exec(true, "mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", DISK.toString());
    }

    @AfterAll
    static void unmount() throws Exception {
        exec(true, "umount", DISK.toString());
    }

    @DynamicPropertySource
    static void photosOnTheTinyDisk(DynamicPropertyRegistry properties) {
        properties.add("lianxin.photos.store", () -> "file");
        properties.add("lianxin.photos.directory", DISK::toString);
        properties.add("lianxin.photos.min-free-space", () -> "512KB");
    }

    @Test
    void aFullDiskRefusesTheUploadInChineseKeepsNothingShowsInHealthAndRecoversWhenFreed() throws Exception {
        // given an open case, and the store's disk healthy
        Case appeal = appeals.submit("lighting", "NORMAL", "HOUSEHOLD", "v0101");
        byte[] small = jpeg(picture(64, 48, false));
        byte[] noisy = jpeg(picture(900, 700, true));
        assertThat(noisy.length).as("a photo larger than what is left").isGreaterThan(2 * LEFT_FREE);
        assertThat(photoStoreHealth().path("status").asText()).isEqualTo("UP");
        String caseBefore = caseRow(appeal);
        long logBefore = logLines(appeal);

        // when the disk is filled until the kernel refuses, then a little is given back
        fill();
        long filledAt = System.nanoTime();

        // then health shows the store's trouble with its free space, to the operator and (status only) anyone
        JsonNode down = photoStoreHealth();
        long healthDownMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - filledAt);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("details").path("free").asLong()).isLessThan(512 * 1024);
        assertThat(down.path("details").path("threshold").asLong()).isEqualTo(512 * 1024);
        ResponseEntity<JsonNode> anonymous = api.get("/actuator/health");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(anonymous.getBody().path("components").isMissingNode()).isTrue();

        // when the citizen uploads a small photo and a large one at once (the first fits, the second not)
        long started = System.nanoTime();
        ResponseEntity<JsonNode> refused = upload(appeal, small, noisy);
        long refusedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // then a clear Chinese 507 problem naming the photo store
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("title").asText()).isEqualTo("照片存储空间已满");
        assertThat(refused.getBody().path("detail").asText()).contains("照片未保存", "照片存储空间已满", "清理存储空间");
        assertThat(refused.getBody().toString()).doesNotContain("IOException", "No space", DISK.toString());
        // and nothing kept: no photo file, whole or half, no temporary file, no row, no log line; the case as it was
        assertThat(filesOnTheDisk()).containsExactly(FILLER);
        assertThat(photoRows(appeal)).isZero();
        assertThat(logLines(appeal)).isEqualTo(logBefore);
        assertThat(caseRow(appeal)).isEqualTo(caseBefore);
        assertThat(appeals.view(appeal).path("trackingNo").asText()).isEqualTo(appeal.trackingNo());

        // when the operator frees space
        Files.delete(FILLER);
        long freedAt = System.nanoTime();

        // then health is UP again and the same upload is kept, files and rows
        assertThat(photoStoreHealth().path("status").asText()).isEqualTo("UP");
        ResponseEntity<JsonNode> kept = upload(appeal, small, noisy);
        long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - freedAt);
        assertThat(kept.getStatusCode()).as("%s", kept.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(kept.getBody()).hasSize(2);
        assertThat(photoRows(appeal)).isEqualTo(2);
        for (JsonNode photo : kept.getBody()) {
            String id = photo.path("id").asText();
            Path file = DISK.resolve(id.substring(0, 2)).resolve(id + ".jpg");
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isPositive();
        }
        assertThat(filesOnTheDisk()).hasSize(2).allMatch(p -> p.toString().endsWith(".jpg"));

        Files.writeString(
                Path.of("target", "photo-disk-faults.txt"),
                "health DOWN read " + healthDownMillis + " ms after the disk was filled\n"
                        + "refused upload answered 507 in " + refusedMillis + " ms (photos " + small.length + " + "
                        + noisy.length + " bytes, " + LEFT_FREE + " bytes left free)\n"
                        + "health UP and the upload kept " + recoveredMillis + " ms after the space was freed\n",
                StandardCharsets.UTF_8);
    }

    /** Writes the filler until the disk refuses, then gives back {@link #LEFT_FREE} bytes. */
    private static void fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(FILLER)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        try (FileChannel channel = FileChannel.open(FILLER, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, Math.min(written, channel.size()) - LEFT_FREE));
        }
        assertThat(Files.getFileStore(DISK).getUsableSpace()).isBetween((long) LEFT_FREE / 2, 2L * LEFT_FREE);
    }

    private JsonNode photoStoreHealth() {
        ResponseEntity<JsonNode> health = api.as("ops").get("/actuator/health");
        JsonNode store = health.getBody().path("components").path("photoStore");
        assertThat(store.isMissingNode()).as("%s", health.getBody()).isFalse();
        return store;
    }

    private ResponseEntity<JsonNode> upload(Case appeal, byte[]... photos) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("accessCode", appeal.accessCode());
        int n = 0;
        for (byte[] photo : photos) {
            String name = "IMG_000" + (++n) + ".JPG";
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.IMAGE_JPEG);
            headers.setContentDispositionFormData("photos", name);
            parts.add(
                    "photos",
                    new HttpEntity<>(
                            new ByteArrayResource(photo) {
                                @Override
                                public String getFilename() {
                                    return name;
                                }
                            },
                            headers));
        }
        return api.upload("/api/appeals/" + appeal.trackingNo() + "/photos", parts);
    }

    private static List<Path> filesOnTheDisk() throws IOException {
        try (Stream<Path> files = Files.walk(DISK)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private long photoRows(Case appeal) {
        return jdbc.sql("select count(*) from appeal_photo where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(Long.class)
                .single();
    }

    private long logLines(Case appeal) {
        return jdbc.sql("select count(*) from appeal_log where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(Long.class)
                .single();
    }

    private String caseRow(Case appeal) {
        return jdbc.sql("select t::text from appeal t where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(String.class)
                .single();
    }

    /** A picture; with noise, its JPEG stays large whatever the encoder's quality. */
    private static BufferedImage picture(int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(19);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noise ? random.nextInt(0x1000000) : (x < width / 2 ? 0xCC0000 : 0x0000CC));
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static void exec(boolean mustSucceed, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = process.waitFor(30, TimeUnit.SECONDS);
        if (mustSucceed) {
            assertThat(done && process.exitValue() == 0)
                    .as(
                            "%s failed (this test makes a real full disk: it runs as root and mounts a tmpfs): %s",
                            String.join(" ", command), output)
                    .isTrue();
        }
    }

    private static void run(String... command) throws Exception {
        exec(false, command);
    }
}
