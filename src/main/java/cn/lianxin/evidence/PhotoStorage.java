package cn.lianxin.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.system.DiskSpaceHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Chooses the {@link PhotoStore} adapter from {@code lianxin.photos.store}: database, file or s3. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoRules.class)
class PhotoStorage {

    @Bean
    PhotoStore photoStore(PhotoRules rules, JdbcClient jdbc) {
        return switch (rules.store()) {
            case "database" -> new DatabasePhotoStore(jdbc);
            case "file" -> new FilePhotoStore(rules.directory());
            case "s3" -> new S3PhotoStore(
                    rules.s3() == null
                            ? null
                            : S3PhotoStore.client(
                                    rules.s3(),
                                    DefaultCredentialsProvider.builder().build()),
                    rules.s3());
            default -> throw new IllegalStateException(
                    "lianxin.photos.store 只能是 database、file 或 s3，而不是 " + rules.store());
        };
    }

    /**
     * The file store's disk in {@code /actuator/health} (as {@code photoStore}): DOWN while its free space is
     * below {@code lianxin.photos.min-free-space}, with the free and total bytes in the details — uploads
     * then answer 507 (docs/operations.md "Faults, measured"). Not in readiness: a full photo disk must
     * not take every node (they share it) out of the load balancer while intake, tasks and timers work.
     */
    @Bean
    @ConditionalOnProperty(name = "lianxin.photos.store", havingValue = "file")
    HealthIndicator photoStoreHealthIndicator(
            PhotoRules rules, @Value("${lianxin.photos.min-free-space:100MB}") DataSize minFreeSpace) {
        return new DiskSpaceHealthIndicator(directoryOf(rules).toFile(), minFreeSpace);
    }

    /** The store's directory, made if missing: a disk's free space is read through an existing path. */
    private static Path directoryOf(PhotoRules rules) {
        Path directory = rules.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("照片存储目录无法创建：" + directory, e);
        }
        return directory;
    }

    @Bean
    PhotoReencoder photoReencoder(PhotoRules rules) {
        return new PhotoReencoder(rules.maxLongSide());
    }
}
