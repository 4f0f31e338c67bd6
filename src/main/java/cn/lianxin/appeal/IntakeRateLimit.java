package cn.lianxin.appeal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits public intake per client address (token bucket: a burst of {@code per-minute} requests,
 * refilled over a minute), so one address cannot flood the stations with cases. Behind a reverse
 * proxy, set {@code server.forward-headers-strategy=native} so the client's address is seen.
 */
@Component
public class IntakeRateLimit {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    IntakeRateLimit(@Value("${lianxin.intake.rate-limit-per-minute:10}") int perMinute) {
        this.perMinute = perMinute;
    }

    public boolean tryAcquire(String clientAddress) {
        return buckets.get(clientAddress, address -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build())
                .tryConsume(1);
    }
}
