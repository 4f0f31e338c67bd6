package cn.lianxin.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Photos as files under one directory ({@code lianxin.photos.directory}), two levels deep by the key's
 * first characters so no folder grows too large. A file is written under a temporary name and moved
 * into place, so a reader never sees half a photo.
 */
class FilePhotoStore implements PhotoStore {

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
            throw new UncheckedIOException("照片未能写入存储目录", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("照片未能从存储目录读出", e);
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
