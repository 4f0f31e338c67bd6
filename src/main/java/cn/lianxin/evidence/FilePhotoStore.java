package cn.lianxin.evidence;

import cn.lianxin.system.ApiProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Photos as files under one directory ({@code lianxin.photos.directory}), two levels deep by the key's
 * first characters so no folder grows too large. A file is written under a temporary name and moved
 * into place, so a reader never sees half a photo.
 */
class FilePhotoStore implements PhotoStore {

    private static final Logger log = LoggerFactory.getLogger(FilePhotoStore.class);

    private final Path root;

    FilePhotoStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] jpeg) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), key, ".part");
            try {
                Files.write(part, jpeg);
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw unwritten(e, jpeg.length);
        }
    }

    /**
     * Why a photo could not be written, as the uploader is told: 507 when the directory's disk has no
     * room for it (the operator frees space, then the same upload succeeds), else 503 (the directory is
     * missing, read-only or unreachable). The temporary file is already gone; the caller's transaction
     * rolls back and takes back what else it wrote.
     */
    private RuntimeException unwritten(IOException e, long size) {
        long usable = usableSpace();
        boolean full =
                usable < size || (e.getMessage() != null && e.getMessage().contains("No space left on device"));
        log.error("照片未能写入存储目录 {}（剩余 {} 字节，照片 {} 字节）", root, usable, size, e);
        return full
                ? new ApiProblemException(HttpStatus.INSUFFICIENT_STORAGE, "photo-store-full")
                : new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "photo-store-unavailable");
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.error("照片未能从存储目录 {} 读出", root, e);
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "photo-store-unreadable");
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("照片未能从存储目录删除", e);
        }
    }

    private Path pathOf(String key) {
        String checked = PhotoStore.checked(key);
        return root.resolve(checked.substring(0, 2)).resolve(checked + ".jpg");
    }
}
