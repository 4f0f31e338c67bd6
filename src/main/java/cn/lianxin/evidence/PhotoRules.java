package cn.lianxin.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code lianxin.photos.*}: where photos are kept and how many and how large they may be (see
 * docs/operations.md “照片存储”).
 *
 * @param store {@code database} (default) or {@code file}
 * @param directory the file store's directory
 * @param citizenMax photos a citizen may attach to one request
 * @param cadreMaxPerStage photos the cadres may attach to one case before (办理前) and again after (办理后)
 * @param maxSize the largest photo accepted as sent
 * @param maxLongSide the long side of a kept photo, in pixels (larger ones are scaled down)
 */
@ConfigurationProperties("lianxin.photos")
public record PhotoRules(
        @DefaultValue("database") String store,
        @DefaultValue("./data/photos") Path directory,
        @DefaultValue("3") int citizenMax,
        @DefaultValue("6") int cadreMaxPerStage,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("2048") int maxLongSide) {}
