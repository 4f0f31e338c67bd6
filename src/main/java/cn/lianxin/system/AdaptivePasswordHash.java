package cn.lianxin.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Camunda's password hash for the users the platform creates: BCrypt (adaptive, salted) instead of
 * the engine's single round of SHA-512. Stored as {@code {BCRYPT-SHA256}<bcrypt hash>}; hashes of
 * older installations ({@code {SHA-512}}) still verify through the engine's own checker.
 *
 * <p>The engine hands in the password with its per-user salt appended, which may exceed BCrypt's
 * 72-byte input; the text is first reduced to its SHA-256 digest (Base64, 44 bytes) so that every
 * character of a long or Chinese password counts.
 *
 * <p>HTTP Basic checks the password on every request, and a BCrypt check costs tens of
 * milliseconds on purpose. A verified password is therefore remembered for a few minutes, under an
 * HMAC with a key drawn at each start and never stored: the key covers the stored hash too, so a
 * changed password (new salt, new hash) never matches an old entry, and a locked account is refused
 * before its hash is looked at.
 */
final class AdaptivePasswordHash implements PasswordEncryptor {

    static final String NAME = "BCRYPT-SHA256";

    private final BCryptPasswordEncoder bcrypt;
    private final SecretKeySpec bootKey;
    private final Cache<String, Boolean> verified;

    AdaptivePasswordHash(int strength, Duration verifiedTtl) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.bootKey = new SecretKeySpec(key, "HmacSHA256");
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(verifiedTtl)
                .maximumSize(10_000)
                .build();
    }

    @Override
    public String encrypt(String saltedPassword) {
        return bcrypt.encode(digest(saltedPassword));
    }

    @Override
    public boolean check(String saltedPassword, String encrypted) {
        String key = hmac(saltedPassword + '\u0000' + encrypted);
        if (verified.getIfPresent(key) != null) {
            return true;
        }
        boolean matches = bcrypt.matches(digest(saltedPassword), encrypted);
        if (matches) {
            verified.put(key, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(bootKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
