package cn.lianxin.identity;

import java.util.Set;

/**
 * A person of the organisation as the platform's own identity keeps them: the user id they sign in
 * with, their 姓名, their mobile number (or {@code null}) and the role groups they are in
 * ({@code grid-worker-v0101}, {@code leader} …; other groups are not the organisation's).
 */
public record Person(String id, String name, String phone, Set<String> groups) {

    public Person {
        groups = Set.copyOf(groups);
    }
}
