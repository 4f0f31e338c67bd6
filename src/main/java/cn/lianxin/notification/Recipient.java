package cn.lianxin.notification;

/** Who a message is for: a citizen's phone, every member of a cadre group, or one cadre (a user id). */
public record Recipient(Kind kind, String address) {

    public enum Kind {
        CITIZEN,
        GROUP,
        USER
    }

    public static Recipient citizen(String phone) {
        return new Recipient(Kind.CITIZEN, phone);
    }

    public static Recipient group(String groupId) {
        return new Recipient(Kind.GROUP, groupId);
    }

    public static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }
}
