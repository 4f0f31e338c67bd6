package cn.lianxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.system.ApiProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class FilePhotoStoreTests {

    @TempDir
    Path directory;

    @Test
    void keepsReadsAndRemovesAPhotoUnderItsKey() throws IOException {
        // given
        FilePhotoStore store = new FilePhotoStore(directory);
        String key = UUID.randomUUID().toString();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        // when
        store.put(key, jpeg);

        // then it is one file, under the key's first two characters, and no temporary file is left
        assertThat(store.get(key)).hasValue(jpeg);
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .containsExactly(directory.resolve(key.substring(0, 2)).resolve(key + ".jpg"));
        }

        // when removed
        store.delete(key);

        // then
        assertThat(store.get(key)).isEmpty();
        store.delete(key);
    }

    @Test
    void aDirectoryThatCannotBeWrittenAnswers503AndLeavesNothing() throws IOException {
        // given a store whose directory is in fact a file (as a missing mount or a wrong path would be)
        Path notADirectory = Files.writeString(directory.resolve("photos"), "not a directory");
        FilePhotoStore store = new FilePhotoStore(notADirectory);

        // when / then: not a full disk, so 503 and the store's own words
        assertThatThrownBy(() -> store.put(UUID.randomUUID().toString(), new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.slug()).isEqualTo("photo-store-unavailable");
                });
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(notADirectory);
        }
    }

    @Test
    void anUnknownKeyHasNothing() {
        assertThat(new FilePhotoStore(directory).get(UUID.randomUUID().toString()))
                .isEmpty();
    }

    @Test
    void aKeyThatIsNotAUuidNamesNoPath() {
        FilePhotoStore store = new FilePhotoStore(directory);

        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("..", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("A1B2")).isInstanceOf(IllegalArgumentException.class);
    }
}
