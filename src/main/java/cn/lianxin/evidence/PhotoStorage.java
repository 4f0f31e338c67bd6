package cn.lianxin.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Bean
    PhotoReencoder photoReencoder(PhotoRules rules) {
        return new PhotoReencoder(rules.maxLongSide());
    }
}
