package cn.lianxin.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the {@link PhotoStore} adapter from {@code lianxin.photos.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoRules.class)
class PhotoStorage {

    @Bean
    PhotoStore photoStore(PhotoRules rules, JdbcClient jdbc) {
        return switch (rules.store()) {
            case "database" -> new DatabasePhotoStore(jdbc);
            case "file" -> new FilePhotoStore(rules.directory());
            default -> throw new IllegalStateException("lianxin.photos.store 只能是 database 或 file，而不是 " + rules.store());
        };
    }

    @Bean
    PhotoReencoder photoReencoder(PhotoRules rules) {
        return new PhotoReencoder(rules.maxLongSide());
    }
}
