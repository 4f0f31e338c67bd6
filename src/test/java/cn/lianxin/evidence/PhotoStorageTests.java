package cn.lianxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class PhotoStorageTests {

    @TempDir
    Path directory;

    @Test
    void theSettingChoosesTheAdapter() {
        assertThat(new PhotoStorage().photoStore(rules("database"), null)).isInstanceOf(DatabasePhotoStore.class);
        assertThat(new PhotoStorage().photoStore(rules("file"), null)).isInstanceOf(FilePhotoStore.class);
    }

    @Test
    void anUnknownStoreStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new PhotoStorage().photoStore(rules("s3"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianxin.photos.store");
    }

    private PhotoRules rules(String store) {
        return new PhotoRules(store, directory, 3, 6, DataSize.ofMegabytes(10), 2048);
    }
}
