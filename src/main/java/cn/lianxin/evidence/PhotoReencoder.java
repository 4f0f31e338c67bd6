package cn.lianxin.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a sent photo safe to keep and to show: the format is read from the bytes (never from the
 * name or the type the client claims), JPEG and PNG only (what the JDK's ImageIO reads; WebP and HEIC
 * are refused with a word on what to send instead), the pixels are decoded, turned upright by the
 * camera's EXIF orientation, scaled so the long side is at most {@code maxLongSide} and written anew as
 * a plain JPEG. Only pixels cross over: EXIF (GPS, the device, the time), XMP, ICC profiles and
 * comments are all left behind, as is anything hidden after the image.
 */
public class PhotoReencoder {

    /** A photo as it is kept: a JPEG of these pixel dimensions. */
    public record Reencoded(byte[] jpeg, int width, int height) {}

    /** The bytes are not a photo this platform takes; the reason is in Chinese, for the citizen. */
    public static class UnusablePhoto extends RuntimeException {
        UnusablePhoto(String reason) {
            super(reason);
        }
    }

    /** Larger than any phone camera's full picture; a bigger one is most likely a decompression bomb. */
    private static final long MAX_PIXELS = 50_000_000L;

    private static final float QUALITY = 0.85f;

    private final int maxLongSide;

    PhotoReencoder(int maxLongSide) {
        if (maxLongSide < 16) {
            throw new IllegalArgumentException("lianxin.photos.max-long-side 至少为 16");
        }
        this.maxLongSide = maxLongSide;
    }

    /** The photos of one upload re-encoded, or the reasons (in Chinese, one per refused photo) none is kept. */
    public record Upload(java.util.List<Reencoded> kept, java.util.List<String> refusals) {}

    /**
     * Every photo of one upload re-encoded, each checked against the size limit first; the reasons name
     * the photo ("第 2 张照片…") when there are several, so one answer tells the sender everything wrong.
     */
    public Upload reencodeAll(
            java.util.List<org.springframework.web.multipart.MultipartFile> files,
            org.springframework.util.unit.DataSize maxSize) {
        java.util.List<Reencoded> kept = new java.util.ArrayList<>();
        java.util.List<String> refusals = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            org.springframework.web.multipart.MultipartFile file = files.get(i);
            String which = files.size() == 1 ? "照片" : "第 " + (i + 1) + " 张照片";
            if (file.getSize() > maxSize.toBytes()) {
                refusals.add(which + "超过 " + maxSize.toMegabytes() + " MB");
                continue;
            }
            try {
                kept.add(reencode(file.getBytes()));
            } catch (UnusablePhoto e) {
                refusals.add(which + "：" + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Upload(refusals.isEmpty() ? kept : java.util.List.of(), refusals);
    }

    /** The photo re-encoded; {@link UnusablePhoto} when the bytes are not a readable JPEG or PNG. */
    public Reencoded reencode(byte[] bytes) {
        String format = sniff(bytes);
        int orientation = "jpeg".equals(format) ? orientation(bytes) : 1;
        BufferedImage upright = orient(within(decode(bytes, format)), orientation);
        return new Reencoded(encode(upright), upright.getWidth(), upright.getHeight());
    }

    /** {@code jpeg} or {@code png} by the file's signature; anything else is refused. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 8
                && Arrays.equals(
                        Arrays.copyOf(b, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "png";
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            throw new UnusablePhoto("暂不支持 WebP 图片，请改用 JPEG 或 PNG 格式的照片");
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            throw new UnusablePhoto("暂不支持 HEIC 等格式，请在手机上选择“兼容性最佳”或改用 JPEG 照片");
        }
        throw new UnusablePhoto("不是照片：只接受 JPEG 或 PNG 格式的图片");
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    private BufferedImage decode(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new UnusablePhoto("图片无法读取");
            }
            ImageReader reader = readers.next();
            try {
                // metadata is never even read: only the pixels are wanted
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new UnusablePhoto("图片尺寸过大（超过 5000 万像素）");
                }
                // a large photo is read at a fraction of its pixels, so it never fills the memory whole
                int step = Math.max(1, Math.max(width, height) / maxLongSide);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (UnusablePhoto e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnusablePhoto("图片已损坏或无法读取");
        }
    }

    /** The picture as plain RGB on white (a PNG's transparency), its long side at most maxLongSide. */
    private BufferedImage within(BufferedImage image) {
        double scale = Math.min(1.0, (double) maxLongSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Turns the pixels as the EXIF orientation (1–8) says the camera held them. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn =
                switch (orientation) {
                    case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
                    case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
                    case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
                    case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
                    case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
                    case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
                    case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
                    default -> null;
                };
        if (turn == null) {
            return image;
        }
        boolean sideways = orientation >= 5;
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /**
     * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in its APP1 “Exif” segment), 1 when it has
     * none or the segment cannot be read. Read by hand: it is the one value of the metadata kept.
     */
    static int orientation(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (length < 2) {
                break;
            }
            int start = i + 4;
            int end = Math.min(b.length, i + 2 + length);
            if (marker == 0xE1 && start + 6 <= end && ascii(b, start, 4).equals("Exif")) {
                return orientationIn(b, start + 6, end);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int orientationIn(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long offset = little
                ? (u16(b, tiff + 4, true) | ((long) u16(b, tiff + 6, true) << 16))
                : (((long) u16(b, tiff + 4, false) << 16) | u16(b, tiff + 6, false));
        if (offset < 8 || tiff + offset + 2 > end) {
            return 1;
        }
        int ifd = (int) (tiff + offset);
        int count = u16(b, ifd, little);
        for (int k = 0; k < count; k++) {
            int entry = ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | (second << 8) : (first << 8) | second;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            // no metadata given: the writer adds only its own JFIF header
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
