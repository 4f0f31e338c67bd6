package cn.lianxin.citizen;

import java.util.regex.Pattern;

/** How personal data looks outside the handler's own task: enough to recognise, not to use. */
public final class Masking {

    /** An ID number (18 characters, or the old 15 digits) standing on its own in a text. */
    private static final Pattern ID_NUMBER_IN_TEXT = Pattern.compile("(?<!\\d)(\\d{17}[0-9Xx]|\\d{15})(?![0-9Xx])");

    /** A mainland mobile number standing on its own in a text. */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private Masking() {}

    /**
     * A free text (a case log's entry, a request's description) with every mobile and ID number in it
     * masked as {@link #phone} and {@link #idNumber} mask them: people write them into any field.
     */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        String ids = ID_NUMBER_IN_TEXT.matcher(text).replaceAll(m -> idNumber(m.group()));
        return PHONE_IN_TEXT.matcher(ids).replaceAll(m -> phone(m.group()));
    }

    /** 13812345678 → 138****5678 */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 11010519491231002X → 1101**********002X */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** 张三 → 张*, 欧阳小明 → 欧**明 */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        if (chars.length == 2) {
            return new String(chars, 0, 1) + "*";
        }
        return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }
}
