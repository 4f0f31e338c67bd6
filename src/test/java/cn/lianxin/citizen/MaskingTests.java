package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void aPhoneNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void anIdNumberKeepsItsRegionAndLastFourCharacters() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void aNameKeepsItsFirstAndLastCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳小明")).isEqualTo("欧**明");
        assertThat(Masking.name("李")).isEqualTo("*");
    }

    @Test
    void phoneAndIdNumbersWrittenIntoATextAreMaskedWhereverTheyStand() {
        assertThat(Masking.inText("群众来电13812345678，身份证11010519491231002X，旧证110105491231002。"))
                .isEqualTo("群众来电138****5678，身份证1101**********002X，旧证1101*******1002。");
        assertThat(Masking.inText("订单号 213812345678 与金额 1380 元不是号码")).isEqualTo("订单号 213812345678 与金额 1380 元不是号码");
        assertThat(Masking.inText(null)).isNull();
    }
}
