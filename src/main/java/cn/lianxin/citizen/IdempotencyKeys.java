package cn.lianxin.citizen;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Idempotent intake, the same for a request and a proposal: a retry under the same
 * {@code Idempotency-Key} with the same request is answered with the first number; the same key with
 * another request is refused (422), so nobody obtains someone else's number and access code by
 * replaying a key.
 */
public final class IdempotencyKeys {

    /** What was kept for a key: the number it created and the fingerprint of the request that did. */
    public record Kept(String number, String fingerprint) {}

    private IdempotencyKeys() {}

    /** Refuses a header that cannot be a key: blank, or longer than 100 characters (400 naming it). */
    public static void checkHeader(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ApiProblemException.invalid(List.of(new FieldError("Idempotency-Key", "应为 1 到 100 个字符")));
        }
    }

    /**
     * The number created earlier under this key by the same request, if any.
     *
     * @param keptFor looks up what was kept for a key
     */
    public static Optional<String> replayOf(
            String idempotencyKey, String fingerprint, Function<String, Optional<Kept>> keptFor) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return keptFor.apply(idempotencyKey).map(kept -> {
            // rows from before fingerprints were kept carry none: answered as before
            if (kept.fingerprint() != null && !kept.fingerprint().equals(fingerprint)) {
                throw new ApiProblemException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "idempotency-key-reused",
                        List.of(new FieldError("Idempotency-Key", "已用于内容不同的另一次提交")));
            }
            return kept.number();
        });
    }
}
