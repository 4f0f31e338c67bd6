package cn.lianxin.appeal;

import java.util.Arrays;
import java.util.Optional;

/** 四个办理 (and 联合办理): how a station handles a request after triage (DESIGN §1). */
public enum Path {
    IMMEDIATE("即办"),
    PROMISED("承诺办"),
    ESCALATE("上报"),
    RETURN("退回"),
    JOINT("联合办理");

    private final String label;

    Path(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Path> of(Object value) {
        return Arrays.stream(values()).filter(p -> p.name().equals(value)).findFirst();
    }
}
