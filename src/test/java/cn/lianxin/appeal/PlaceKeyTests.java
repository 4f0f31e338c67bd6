package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceKeyTests {

    @Test
    void onePlaceWrittenInTheWaysPeopleWriteItHasOneKey() {
        assertThat(PlaceKey.of("幸福小区3号楼"))
                .isEqualTo(PlaceKey.of("幸福小区 ３栋"))
                .isEqualTo(PlaceKey.of("幸福小区，3幢。"))
                .isEqualTo("幸福小区3栋");
    }

    @Test
    void lettersAreComparedWithoutCase() {
        assertThat(PlaceKey.of("Ａ区东门")).isEqualTo(PlaceKey.of("a区东门"));
    }

    @Test
    void differentPlacesKeepDifferentKeys() {
        assertThat(PlaceKey.of("幸福小区3栋")).isNotEqualTo(PlaceKey.of("幸福小区13栋"));
        assertThat(PlaceKey.of("和平路口")).isNotEqualTo(PlaceKey.of("和平路"));
    }

    @Test
    void noPlaceHasNoKey() {
        assertThat(PlaceKey.of(null)).isNull();
        assertThat(PlaceKey.of("  ，。 ")).isNull();
    }
}
