package cn.lianxin.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The citizen's secret for one case or topic. It is derived from the number with a server secret
 * (so a retried intake can answer with the same code) and only its hash is stored.
 */
@Component
public class AccessCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;

    private final byte[] secret;
    private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(8);

    AccessCodes(@Value("${lianxin.access-code.secret}") String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException(
                    "lianxin.access-code.secret (LIANXIN_ACCESS_CODE_SECRET) must have 16 characters or more");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String codeFor(String trackingNo) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(trackingNo.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return code.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public String hash(String code) {
        return hashes.encode(code);
    }

    public boolean matches(String code, String hash) {
        return code != null && hash != null && hashes.matches(code.trim().toUpperCase(java.util.Locale.ROOT), hash);
    }
}
