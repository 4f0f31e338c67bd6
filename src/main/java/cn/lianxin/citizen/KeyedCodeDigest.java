package cn.lianxin.citizen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What is stored of an access code: HMAC-SHA256 under a key derived from the server's secret.
 *
 * <p>Why not BCrypt, as for passwords: an access code is not chosen by a person — it is 40 random
 * bits derived from the case number with that same secret — so there is no weak secret to stretch.
 * Whoever has the secret can compute every code anyway; whoever has only the database has nothing to
 * guess against, because the digest is keyed. Online guessing is stopped by the rate limits per
 * address and per number ({@link PublicLimits}). A slow hash bought nothing here and cost 16 ms of
 * CPU at every intake and every evaluation (57% of the platform's CPU under load).
 *
 * <p>Spring Security has no keyed-digest encoder; this one is small. Comparisons run in constant time.
 */
final class KeyedCodeDigest implements PasswordEncoder {

    private final SecretKeySpec key;

    KeyedCodeDigest(byte[] secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "access-code-digest"), "HmacSHA256");
    }

    @Override
    public String encode(CharSequence code) {
        return Base64.getEncoder().withoutPadding().encodeToString(hmac(key, code.toString()));
    }

    @Override
    public boolean matches(CharSequence code, String stored) {
        byte[] expected = stored == null ? new byte[0] : stored.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(encode(code).getBytes(StandardCharsets.US_ASCII), expected);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
