package cn.lianxin.identity;

import org.camunda.bpm.engine.identity.User;

/** How people read a user's name: 姓 (last name) then 名 (first name), no space; the id when the directory has none. */
public final class PersonNames {

    private PersonNames() {}

    public static String of(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                        + (user.getFirstName() == null ? "" : user.getFirstName()))
                .strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
