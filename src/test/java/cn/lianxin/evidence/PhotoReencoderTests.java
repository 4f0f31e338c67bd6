package cn.lianxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.evidence.PhotoReencoder.Reencoded;
import cn.lianxin.evidence.PhotoReencoder.UnusablePhoto;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhotoReencoderTests {

    private final PhotoReencoder reencoder = new PhotoReencoder(2048);

    @Test
    void theSampleCarriesExifWithGpsAsAPhoneWritesIt() {
        // given a phone's photo: the sample must really hold what the other tests prove gone
        byte[] sent = SamplePhotos.jpegWithGps(40, 20, 1);

        // then
        assertThat(SamplePhotos.segments(sent)).contains(0xE1);
        assertThat(SamplePhotos.contains(sent, "Exif")).isTrue();
        assertThat(SamplePhotos.contains(sent, SamplePhotos.MARKER)).isTrue();
        assertThat(PhotoReencoder.orientation(SamplePhotos.jpegWithGps(40, 20, 6)))
                .isEqualTo(6);
        assertThat(SamplePhotos.read(sent).getWidth()).isEqualTo(40);
    }

    @Test
    void reencodingLeavesNoExifNoGpsAndNoOtherMetadata() {
        // given
        byte[] sent = SamplePhotos.jpegWithGps(40, 20, 1);

        // when
        Reencoded kept = reencoder.reencode(sent);

        // then only the writer's JFIF header, quantisation and Huffman tables, frame and scan remain
        assertThat(SamplePhotos.segments(kept.jpeg()))
                .doesNotContain(0xE1, 0xE2, 0xED, 0xEE, 0xFE)
                .allMatch(marker ->
                        marker == 0xE0 || marker == 0xDB || marker == 0xC4 || marker == 0xC0 || marker == 0xDA);
        assertThat(SamplePhotos.contains(kept.jpeg(), "Exif")).isFalse();
        assertThat(SamplePhotos.contains(kept.jpeg(), SamplePhotos.MARKER)).isFalse();
        assertThat(PhotoReencoder.orientation(kept.jpeg())).isEqualTo(1);
        assertThat(kept.width()).isEqualTo(40);
        assertThat(kept.height()).isEqualTo(20);
        assertThat(SamplePhotos.read(kept.jpeg()).getWidth()).isEqualTo(40);
    }

    @Test
    void aPhotoTakenSidewaysIsTurnedUprightBeforeItsOrientationIsDropped() {
        // given a 40×20 picture the camera marks as “turn 90° clockwise to view” (orientation 6)
        byte[] sent = SamplePhotos.jpegWithGps(40, 20, 6);

        // when
        Reencoded kept = reencoder.reencode(sent);

        // then it is 20×40, the left (red) half now on top and the right (blue) half below
        BufferedImage upright = SamplePhotos.read(kept.jpeg());
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertThat(dominant(upright.getRGB(10, 5))).isEqualTo(Color.RED);
        assertThat(dominant(upright.getRGB(10, 35))).isEqualTo(Color.BLUE);
    }

    @Test
    void orientationEightTurnsTheOtherWay() {
        BufferedImage upright = SamplePhotos.read(
                reencoder.reencode(SamplePhotos.jpegWithGps(40, 20, 8)).jpeg());

        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(dominant(upright.getRGB(10, 5))).isEqualTo(Color.BLUE);
        assertThat(dominant(upright.getRGB(10, 35))).isEqualTo(Color.RED);
    }

    @Test
    void aLargePhotoIsScaledToTheLongSideAndAPngBecomesAJpeg() {
        // when
        Reencoded kept = new PhotoReencoder(100).reencode(SamplePhotos.png(300, 150));

        // then
        assertThat(PhotoReencoder.sniff(kept.jpeg())).isEqualTo("jpeg");
        assertThat(kept.width()).isEqualTo(100);
        assertThat(kept.height()).isEqualTo(50);
        BufferedImage read = SamplePhotos.read(kept.jpeg());
        assertThat(read.getWidth()).isEqualTo(100);
        assertThat(dominant(read.getRGB(10, 25))).isEqualTo(Color.RED);
        assertThat(dominant(read.getRGB(90, 25))).isEqualTo(Color.BLUE);
    }

    @Test
    void whatIsNotAJpegOrPngIsRefusedWhateverItsNameWithTheReasonInChinese() {
        assertThatThrownBy(() -> reencoder.reencode("%PDF-1.4\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessage("不是照片：只接受 JPEG 或 PNG 格式的图片");
        assertThatThrownBy(() ->
                        reencoder.reencode("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessageContaining("不是照片");
        assertThatThrownBy(() -> reencoder.reencode(new byte[0])).isInstanceOf(UnusablePhoto.class);
        assertThatThrownBy(() -> reencoder.reencode("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessageContaining("WebP");
        assertThatThrownBy(
                        () -> reencoder.reencode("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessageContaining("HEIC");
    }

    @Test
    void aBrokenJpegIsRefusedAsUnreadable() {
        byte[] photo = SamplePhotos.jpegWithGps(40, 20, 1);
        byte[] broken = Arrays.copyOf(photo, 3);

        assertThatThrownBy(() -> reencoder.reencode(broken))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessage("图片已损坏或无法读取");
    }

    @Test
    void aPictureClaimingTooManyPixelsIsRefusedBeforeItIsDecoded() {
        assertThatThrownBy(() -> reencoder.reencode(SamplePhotos.pngClaiming(20_000, 20_000)))
                .isInstanceOf(UnusablePhoto.class)
                .hasMessageContaining("尺寸过大");
    }

    /** The nearest of red and blue (JPEG blurs the colours a little). */
    private static Color dominant(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > c.getBlue() ? Color.RED : Color.BLUE;
    }
}
