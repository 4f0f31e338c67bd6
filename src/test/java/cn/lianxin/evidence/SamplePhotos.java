package cn.lianxin.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Photos made in the test: a JPEG as a phone writes it — with an EXIF segment (APP1) holding the
 * camera's orientation and a GPS position (北纬 39°54′, 东经 116°23′) — a PNG, and ways to look inside a
 * JPEG's segments. The picture is red on its left half and blue on its right, so a turn can be seen.
 */
public final class SamplePhotos {

    /** Text written into the EXIF segment (ImageDescription): found anywhere in a file, metadata survived. */
    public static final String MARKER = "LIANXIN-EXIF-MARKER";

    private SamplePhotos() {}

    /** A multipart body of one JPEG in {@code field}, as a phone's browser uploads it. */
    public static MultiValueMap<String, Object> jpegUpload(String field, String name, byte[] jpeg) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.IMAGE_JPEG);
        headers.setContentDispositionFormData(field, name);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(
                field,
                new HttpEntity<>(
                        new ByteArrayResource(jpeg) {
                            @Override
                            public String getFilename() {
                                return name;
                            }
                        },
                        headers));
        return parts;
    }

    /** A red-left, blue-right picture of this size. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A JPEG of the picture with EXIF: orientation, a description holding {@link #MARKER}, and GPS. */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height), "jpeg");
        byte[] app1 = app1(orientation);
        // SOI, then the APP1 segment, then the rest as the writer made it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(app1);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG of the picture. */
    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A small PNG whose header claims this size (with a right checksum), its pixels not there. */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(8, 8);
        // IHDR's data starts at 16 (8 signature, 4 length, 4 type); its CRC covers type and data
        ByteBuffer buffer = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    /** The markers of a JPEG's segments before its image data (0xE0 APP0, 0xE1 APP1 …, 0xDB, 0xC0 …). */
    public static List<Integer> segments(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }

    /** Whether this ASCII text occurs anywhere in the bytes. */
    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** The picture the bytes hold. */
    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An APP1 "Exif" segment, little-endian TIFF: IFD0 with Orientation, ImageDescription and the GPS
     * IFD's offset; the GPS IFD with GPSLatitudeRef N, GPSLatitude 39/1 54/1 0/1, GPSLongitudeRef E,
     * GPSLongitude 116/1 23/1 0/1.
     */
    private static byte[] app1(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        byte[] description = (MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int descriptionAt = ifd0 + ifd0Size;
        int gpsAt = descriptionAt + description.length;
        int gpsSize = 2 + 4 * 12 + 4;
        int latitudeAt = gpsAt + gpsSize;
        int longitudeAt = latitudeAt + 24;
        // IFD0
        tiff.position(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x010E, 2, description.length, descriptionAt);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsAt);
        tiff.putInt(0);
        tiff.put(description);
        // GPS IFD
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, latitudeAt);
        tiff.putShort((short) 0x0003)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'E')
                .put((byte) 0)
                .putShort((short) 0);
        entry(tiff, 0x0004, 5, 3, longitudeAt);
        tiff.putInt(0);
        for (int degrees : new int[] {39, 54, 0, 116, 23, 0}) {
            tiff.putInt(degrees).putInt(1);
        }
        int tiffLength = tiff.position();
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + tiffLength).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiffLength));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.put(tiff.array(), 0, tiffLength);
        return segment.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }
}
