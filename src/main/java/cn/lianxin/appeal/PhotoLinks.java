package cn.lianxin.appeal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links to a case's photos for the citizen's page that has just opened the case with its access
 * code: signed (HMAC-SHA256 with a key of their own, derived from the access codes' secret) over the
 * case, the photo and an expiry ten minutes ahead, so an {@code <img>} can fetch the photo without the
 * access code ever appearing in a URL, a log or the browser's history. A service order's page signs its
 * photos' links the same way (service/ServicePortal; an order's number is never a case's).
 */
@Component
public class PhotoLinks {

    public static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final SecretKeySpec key;

    PhotoLinks(@Value("${lianxin.access-code.secret}") String secret) {
        this.key = new SecretKeySpec(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), "lianxin photo links"),
                "HmacSHA256");
    }

    /** The link's signature for this case, photo and expiry (epoch seconds). */
    public String sign(String trackingNo, String photoId, long until) {
        return HexFormat.of().formatHex(hmac(key, trackingNo + "\n" + photoId + "\n" + until));
    }

    /** Whether the signature is this link's own and the link still holds at {@code now}. */
    public boolean holds(String trackingNo, String photoId, long until, String signature, Instant now) {
        if (signature == null || now.getEpochSecond() > until) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(trackingNo, photoId, until).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
