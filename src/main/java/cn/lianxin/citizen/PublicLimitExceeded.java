package cn.lianxin.citizen;

import cn.lianxin.system.ApiProblemException;
import org.springframework.http.HttpStatus;

/** 429: a public limit is exhausted; the client may try again after {@code retryAfterSeconds}. */
class PublicLimitExceeded extends ApiProblemException {

    private final long retryAfterSeconds;

    PublicLimitExceeded(String slug, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, slug, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
