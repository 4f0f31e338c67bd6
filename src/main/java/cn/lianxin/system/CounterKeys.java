package cn.lianxin.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys under which the nodes' shared counters (the public limits, the sign-in throttle) are kept
 * in the database: an HMAC-SHA256 of the client's address, user id or case number, with a key derived
 * from the access codes' secret ({@code lianxin.access-code.secret}), so that the table holds no
 * address or user id and cannot be reversed by trying every address. Fast on purpose: it runs on
 * every public request.
 */
public final class CounterKeys {

    private final SecretKeySpec key;

    public CounterKeys(String secret) {
        this.key = new SecretKeySpec(
                mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), "lianxin counters"),
                "HmacSHA256");
    }

    /** The 64 hexadecimal characters that stand for {@code key} in the counters' tables. */
    public String digest(String key) {
        return HexFormat.of().formatHex(mac(this.key, key));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
