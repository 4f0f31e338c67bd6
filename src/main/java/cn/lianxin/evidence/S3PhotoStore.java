package cn.lianxin.evidence;

import cn.lianxin.system.ApiProblemException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Photos as objects of an S3-compatible store ({@code lianxin.photos.store=s3}), one object per photo:
 * {@code <prefix><id>.jpg}, {@code image/jpeg}. Like the file store it is outside the database's
 * transaction; {@code appeal/Photos} removes the objects of an upload that does not commit.
 */
class S3PhotoStore implements PhotoStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3PhotoStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3PhotoStore(S3Client s3, PhotoRules.S3 settings) {
        if (settings == null || settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("lianxin.photos.store=s3 需要 lianxin.photos.s3.bucket");
        }
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    /**
     * The client for these settings. Checksums only where the API requires them and no aws-chunked
     * uploads: many S3-compatible services refuse the newer defaults, and a photo (≤ a few MB) is
     * signed whole just as well.
     */
    static S3Client client(PhotoRules.S3 settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public void put(String key, byte[] jpeg) {
        String object = objectOf(key);
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(object).contentType("image/jpeg"),
                    RequestBody.fromBytes(jpeg));
        } catch (SdkException e) {
            throw unwritten(e, object, jpeg.length);
        }
    }

    /**
     * Why a photo could not be kept, as the uploader is told (after the client's own retries): 507 when
     * the service says it has no room (MinIO's {@code XMinioStorageFull}, any 507), else 503 — unreachable,
     * refused, throttled or failing. The caller's transaction rolls back what else it wrote.
     */
    private RuntimeException unwritten(SdkException e, String object, long size) {
        boolean full = e instanceof S3Exception refused && refused.statusCode() == 507;
        log.error("照片未能写入对象存储 {}/{}（{} 字节）", bucket, object, size, e);
        return full
                ? new ApiProblemException(HttpStatus.INSUFFICIENT_STORAGE, "photo-store-full")
                : new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "photo-store-unavailable");
    }

    /** A missing object is no photo; a store that cannot answer is 503 to the reader, never a 500. */
    @Override
    public Optional<byte[]> get(String key) {
        String object = objectOf(key);
        try {
            return Optional.of(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(object))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            log.error("照片未能从对象存储 {}/{} 读出", bucket, object, e);
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "photo-store-unreadable");
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(objectOf(key)));
    }

    /** Spring closes the client with the context (a {@code @Bean}'s inferred destroy method). */
    @Override
    public void close() {
        s3.close();
    }

    private String objectOf(String key) {
        return prefix + PhotoStore.checked(key) + ".jpg";
    }
}
