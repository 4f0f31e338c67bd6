package cn.lianxin.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code lianxin.photos.*}: where photos are kept and how many and how large they may be (see
 * docs/operations.md “照片存储”).
 *
 * @param store {@code database} (default), {@code file} or {@code s3}
 * @param directory the file store's directory
 * @param citizenMax photos a citizen may attach to one request
 * @param cadreMaxPerStage photos the cadres may attach to one case before (办理前) and again after (办理后)
 * @param maxSize the largest photo accepted as sent
 * @param maxLongSide the long side of a kept photo, in pixels (larger ones are scaled down)
 * @param s3 the S3-compatible store's bucket and endpoint (only with {@code store=s3})
 */
@ConfigurationProperties("lianxin.photos")
public record PhotoRules(
        @DefaultValue("database") String store,
        @DefaultValue("./data/photos") Path directory,
        @DefaultValue("3") int citizenMax,
        @DefaultValue("6") int cadreMaxPerStage,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("2048") int maxLongSide,
        S3 s3) {

    /**
     * {@code lianxin.photos.s3.*}: an S3-compatible object store (AWS S3, MinIO, or a cloud's S3-compatible
     * service). The credentials are never here: the AWS SDK's default chain reads them from the
     * environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) or the host's role.
     *
     * @param bucket the bucket the photos go to (it must exist)
     * @param prefix put before every key, e.g. {@code photos/}
     * @param region the region (signing needs one even where the service has none, e.g. {@code us-east-1} for MinIO)
     * @param endpoint the service's address; empty for AWS itself
     * @param pathStyle addresses of the form {@code endpoint/bucket/key} (MinIO and most S3-compatible services)
     */
    public record S3(
            String bucket,
            @DefaultValue("") String prefix,
            @DefaultValue("us-east-1") String region,
            java.net.URI endpoint,
            @DefaultValue("true") boolean pathStyle) {}
}
