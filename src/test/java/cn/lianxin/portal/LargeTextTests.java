package cn.lianxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargeTextTests {

    @Test
    void goesBackOnlyToAPathOfThisSite() {
        assertThat(LargeText.local("/track")).isEqualTo("/track");
        assertThat(LargeText.local("/board/v0101")).isEqualTo("/board/v0101");
        assertThat(LargeText.local("https://evil.example/")).isEqualTo("/");
        assertThat(LargeText.local("//evil.example/")).isEqualTo("/");
        assertThat(LargeText.local("/\\evil.example")).isEqualTo("/");
        assertThat(LargeText.local("/x\r\nSet-Cookie: a=b")).isEqualTo("/");
        assertThat(LargeText.local(null)).isEqualTo("/");
    }
}
