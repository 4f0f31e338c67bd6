package cn.lianxin.appeal;

import java.util.Arrays;
import java.util.Optional;

/** 诉求类别: the seeds' most frequent requests (DESIGN §3). */
public enum Category {
    PROPERTY("property", "物业管理"),
    SANITATION("sanitation", "环境卫生"),
    SECURITY("security", "小区安防"),
    PARKING("parking", "停车"),
    CHARGING("charging", "充电桩"),
    LIGHTING("lighting", "楼道照明"),
    ROAD("road", "道路维修"),
    VENDORS("vendors", "流动摊贩"),
    RENOVATION("renovation", "老旧小区改造"),
    ELDERLY("elderly", "养老服务"),
    EMPLOYMENT("employment", "就业与社保"),
    MEDICAL("medical", "医疗"),
    EDUCATION("education", "教育"),
    DISPUTE("dispute", "矛盾纠纷"),
    POLICY("policy", "政策咨询"),
    OTHER("other", "其他");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Category> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
