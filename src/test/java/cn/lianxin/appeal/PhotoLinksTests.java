package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhotoLinksTests {

    private final PhotoLinks links = new PhotoLinks("a-secret-of-sixteen-or-more");
    private final Instant now = Instant.parse("2026-12-06T04:00:00Z");
    private final long until = now.plus(PhotoLinks.VALID_FOR).getEpochSecond();

    @Test
    void aLinkHoldsForItsOwnCaseAndPhotoUntilItExpires() {
        String sig = links.sign("LX-20261206-000001", "photo-1", until);

        assertThat(links.holds("LX-20261206-000001", "photo-1", until, sig, now))
                .isTrue();
        assertThat(links.holds("LX-20261206-000001", "photo-1", until, sig, now.plus(PhotoLinks.VALID_FOR)))
                .isTrue();
        assertThat(links.holds(
                        "LX-20261206-000001",
                        "photo-1",
                        until,
                        sig,
                        now.plus(PhotoLinks.VALID_FOR).plusSeconds(1)))
                .as("expired")
                .isFalse();
    }

    @Test
    void aLinkOpensNothingElse() {
        String sig = links.sign("LX-20261206-000001", "photo-1", until);

        assertThat(links.holds("LX-20261206-000002", "photo-1", until, sig, now))
                .as("another case")
                .isFalse();
        assertThat(links.holds("LX-20261206-000001", "photo-2", until, sig, now))
                .as("another photo")
                .isFalse();
        assertThat(links.holds("LX-20261206-000001", "photo-1", until + 3600, sig, now))
                .as("a longer life")
                .isFalse();
        assertThat(links.holds("LX-20261206-000001", "photo-1", until, sig.toUpperCase(), now))
                .isFalse();
        assertThat(links.holds("LX-20261206-000001", "photo-1", until, null, now))
                .isFalse();
        assertThat(new PhotoLinks("another-secret-of-sixteen").holds("LX-20261206-000001", "photo-1", until, sig, now))
                .as("another deployment's key")
                .isFalse();
    }
}
