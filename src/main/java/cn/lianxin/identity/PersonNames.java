package cn.lianxin.identity;

import java.util.List;
import org.camunda.bpm.engine.identity.User;

/** How people read a user's name: 姓 (last name) then 名 (first name), no space; the id when the directory has none. */
public final class PersonNames {

    /** The double-character surnames a 姓名 may begin with; any other name's 姓 is its first character. */
    private static final List<String> DOUBLE_SURNAMES = List.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木", "轩辕", "澹台", "西门",
            "南宫", "独孤");

    private PersonNames() {}

    public static String of(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                        + (user.getFirstName() == null ? "" : user.getFirstName()))
                .strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /**
     * A 姓名 as Camunda's last and first name ({@code [姓, 名]}), so that {@link #of} reads it back
     * whole and Tasklist, which shows a first name, shows the 名.
     */
    static String[] split(String name) {
        String surname = DOUBLE_SURNAMES.stream()
                .filter(s -> name.startsWith(s) && name.length() > s.length())
                .findFirst()
                .orElse(name.length() > 1 ? name.substring(0, 1) : name);
        return new String[] {surname, name.substring(surname.length())};
    }
}
