package cn.lianxin.evidence;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Photos as objects of an S3-compatible store ({@code lianxin.photos.store=s3}), one object per photo:
 * {@code <prefix><id>.jpg}, {@code image/jpeg}. Like the file store it is outside the database's
 * transaction; {@code appeal/Photos} removes the objects of an upload that does not commit.
 */
class S3PhotoStore implements PhotoStore, AutoCloseable {

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
        s3.putObject(
                request -> request.bucket(bucket).key(objectOf(key)).contentType("image/jpeg"),
                RequestBody.fromBytes(jpeg));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(objectOf(key)))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
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
