package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptivePasswordHashTests {

    // the lowest BCrypt cost keeps the test fast; production uses lianxin.sign-in.bcrypt-strength
    private final AdaptivePasswordHash hash = new AdaptivePasswordHash(4, Duration.ofMinutes(5));

    @Test
    void aHashIsBcryptAndVerifiesOnlyItsPassword() {
        // when
        String stored = hash.encrypt("demo" + "salt");

        // then
        assertThat(stored).startsWith("$2a$04$").hasSize(60);
        assertThat(hash.check("demo" + "salt", stored)).isTrue();
        assertThat(hash.check("Demo" + "salt", stored)).isFalse();
    }

    @Test
    void everyCharacterOfALongChinesePasswordCounts() {
        // given: far beyond BCrypt's 72 bytes, differing only at the end
        String longPassword = "连心平台的一个非常长的中文密码".repeat(5);

        // when
        String stored = hash.encrypt(longPassword + "甲");

        // then
        assertThat(hash.check(longPassword + "甲", stored)).isTrue();
        assertThat(hash.check(longPassword + "乙", stored)).isFalse();
    }

    @Test
    void aRememberedPasswordDoesNotMatchANewHash() {
        // given: verified once, so remembered
        String old = hash.encrypt("old-password" + "salt1");
        assertThat(hash.check("old-password" + "salt1", old)).isTrue();

        // when: the password changes
        String changed = hash.encrypt("new-password" + "salt2");

        // then the remembered check is of no use against the new hash
        assertThat(hash.check("old-password" + "salt1", changed)).isFalse();
        assertThat(hash.check("new-password" + "salt2", changed)).isTrue();
    }

    @Test
    void twoHashesOfOnePasswordDiffer() {
        // when / then: BCrypt salts each hash itself
        assertThat(hash.encrypt("demo")).isNotEqualTo(hash.encrypt("demo"));
    }
}
