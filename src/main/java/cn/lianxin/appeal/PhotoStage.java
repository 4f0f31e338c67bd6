package cn.lianxin.appeal;

/** When a photo of a case was taken, as the case's photos are grouped (docs/evidence.md). */
enum PhotoStage {
    /** 群众提交: sent by the citizen with the request or while it is open. */
    CITIZEN("群众提交"),
    /** 办理前: by a handler, of the matter as found. */
    BEFORE("办理前"),
    /** 办理后: by a handler, of the result; the citizen sees these when asked to evaluate. */
    AFTER("办理后");

    private final String label;

    PhotoStage(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
