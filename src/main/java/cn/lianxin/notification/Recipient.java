package cn.lianxin.notification;

/** Who a message is for: a citizen's phone, or every member of a cadre group. */
public record Recipient(Kind kind, String address) {

    public enum Kind {
        CITIZEN,
        GROUP
    }

    public static Recipient citizen(String phone) {
        return new Recipient(Kind.CITIZEN, phone);
    }

    public static Recipient group(String groupId) {
        return new Recipient(Kind.GROUP, groupId);
    }
}
