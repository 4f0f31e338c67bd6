package cn.lianxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
    void anS3StoreNeedsItsBucket() {
        PhotoRules.S3 noBucket = new PhotoRules.S3("", "photos/", "us-east-1", URI.create(""), true);
        PhotoRules.S3 bucket = new PhotoRules.S3("lianxin", "photos/", "us-east-1", URI.create(""), true);

        assertThatThrownBy(() -> new PhotoStorage().photoStore(rules("s3", noBucket), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianxin.photos.s3.bucket");
        try (S3PhotoStore store = (S3PhotoStore) new PhotoStorage().photoStore(rules("s3", bucket), null)) {
            assertThat(store).isNotNull();
        }
    }

    @Test
    void anUnknownStoreStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new PhotoStorage().photoStore(rules("ftp"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianxin.photos.store");
    }

    private PhotoRules rules(String store) {
        return rules(store, null);
    }

    private PhotoRules rules(String store, PhotoRules.S3 s3) {
        return new PhotoRules(store, directory, 3, 6, DataSize.ofMegabytes(10), 2048, s3);
    }
}
