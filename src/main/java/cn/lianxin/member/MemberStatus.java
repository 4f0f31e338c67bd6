package cn.lianxin.member;

/** Where a party member's registration with the community stands (column {@code party_member.status}). */
enum MemberStatus {
    REGISTERED("待确认"),
    CONFIRMED("已报到"),
    REJECTED("未通过"),
    LEFT("已离开");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
