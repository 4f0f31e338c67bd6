package cn.lianxin.citizen;

import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.system.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The citizen's secret for one case or topic. It is derived from the number with a server secret
 * (so a retried intake can answer with the same code) and only its keyed digest is stored
 * ({@link KeyedCodeDigest}, {@code {hmac}…}); codes stored by earlier versions as BCrypt hashes
 * (no prefix) still open their cases.
 */
@Component
public class AccessCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Longer input cannot be a code (and an older BCrypt hash refuses more than 72 bytes anyway). */
    private static final int MAX_INPUT = 32;

    private final byte[] secret;
    private final PasswordEncoder hashes;
    private final PublicLimits limits;

    /** Compared against when a number has no case, so that answer costs what a wrong code costs. */
    private final String absentCaseHash;

    @Autowired
    AccessCodes(@Value("${lianxin.access-code.secret}") String secret, PublicLimits limits) {
        this(secret, digests(secret), limits);
    }

    /** New digests are keyed HMACs ({@code {hmac}…}); a stored value without a prefix is an older BCrypt hash. */
    private static PasswordEncoder digests(String secret) {
        if (secret == null || secret.length() < 16) {
            return null; // refused with its reason by the constructor below
        }
        DelegatingPasswordEncoder digests = new DelegatingPasswordEncoder(
                "hmac",
                Map.of(
                        "hmac", new KeyedCodeDigest(secret.getBytes(StandardCharsets.UTF_8)),
                        "bcrypt", new BCryptPasswordEncoder()));
        digests.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return digests;
    }

    AccessCodes(String secret, PasswordEncoder hashes, PublicLimits limits) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException(
                    "lianxin.access-code.secret (LIANXIN_ACCESS_CODE_SECRET) must have 16 characters or more");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.hashes = hashes;
        this.limits = limits;
        byte[] random = new byte[LENGTH];
        new SecureRandom().nextBytes(random);
        this.absentCaseHash = hashes.encode(new String(random, StandardCharsets.ISO_8859_1));
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

    /**
     * A new random code of the same form, for a case whose citizen lost theirs (it replaces the
     * derived one: {@link #codeFor} no longer opens that case).
     */
    public String fresh() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public String hash(String code) {
        return hashes.encode(code);
    }

    /**
     * Whether a code someone offers opens the case or topic {@code number} whose stored hash is
     * {@code hash} ({@code null}: there is no such number). Every try counts against the client's
     * address and against the number; a right code is given back, so a citizen following their own
     * case is never limited. An exhausted limit refuses before anything is compared.
     *
     * @throws ApiProblemException 429 when the address or the number has had too many wrong codes
     */
    public boolean opens(String number, String code, String hash, String clientAddress) {
        limits.take(Limit.CODE_GUESSES_PER_ADDRESS, clientAddress);
        try {
            limits.take(Limit.CODE_GUESSES_PER_CASE, number);
        } catch (RuntimeException exhausted) {
            limits.giveBack(Limit.CODE_GUESSES_PER_ADDRESS, clientAddress);
            throw exhausted;
        }
        boolean opens = matches(code, hash);
        if (opens) {
            limits.giveBack(Limit.CODE_GUESSES_PER_ADDRESS, clientAddress);
            limits.giveBack(Limit.CODE_GUESSES_PER_CASE, number);
        }
        return opens;
    }

    /**
     * Whether the code matches the hash. Exactly one hash comparison runs whatever the input — an
     * absent hash, a missing or over-long code — so the time taken tells nobody which numbers exist.
     */
    public boolean matches(String code, String hash) {
        String offered = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        boolean plausible = hash != null && !offered.isEmpty() && offered.length() <= MAX_INPUT;
        boolean matches = hashes.matches(plausible ? offered : "", hash != null ? hash : absentCaseHash);
        return plausible && matches;
    }
}
