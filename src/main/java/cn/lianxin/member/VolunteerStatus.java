package cn.lianxin.member;

/** Where a volunteer stands in the village's register (column {@code volunteer.status}). */
enum VolunteerStatus {
    ACTIVE("在册"),
    RETIRED("已退出");

    private final String label;

    VolunteerStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
