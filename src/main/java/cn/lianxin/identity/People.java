package cn.lianxin.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people of the organisation in Camunda's own identity (the default mode): who they are and which
 * role groups they are in. With Keycloak people live there and nothing here may change them
 * ({@link #keptHere()} is false).
 *
 * <p>A person created here gets no password anyone knows (a random one, thrown away): an administrator
 * sets the first one (Camunda Admin → 用户 → 密码, or {@code PUT /engine-rest/user/{id}/credentials}).
 * Administrators ({@code camunda-admin}) are never given or taken that group here: an import can
 * neither create an administrator nor lock the county out.
 */
@Component
public class People {

    /** The key of the mobile number in Camunda's user info. */
    static final String PHONE = "phone";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    People(IdentityService identity) {
        this.identity = identity;
    }

    /** Whether people are kept in the platform's identity; false when they come from Keycloak. */
    public boolean keptHere() {
        return !identity.isReadOnly();
    }

    /** The mobile number on file for a user (from the roster import), if any. */
    public Optional<String> phoneOf(String userId) {
        return Optional.ofNullable(identity.getUserInfo(userId, PHONE)).filter(phone -> !phone.isBlank());
    }

    /** The mobile numbers on file for the members of a group, each once; members without one are left out. */
    public List<String> phonesOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(user -> phoneOf(user.getId()))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /** Everyone with a user id, by id, with their role groups. */
    public Map<String, Person> all() {
        Map<String, Person> people = new TreeMap<>();
        for (User user : identity.createUserQuery().list()) {
            people.put(
                    user.getId(),
                    new Person(
                            user.getId(),
                            PersonNames.of(user),
                            identity.getUserInfo(user.getId(), PHONE),
                            roleGroupsOf(user.getId())));
        }
        return people;
    }

    /**
     * Creates the person or brings them up to date: name, mobile, and exactly these role groups
     * (besides {@code camunda-admin}, which stays as it is). Safe to repeat.
     */
    public void save(Person person) {
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        if (user == null) {
            user = identity.newUser(person.id());
            user.setPassword(unknowable());
        }
        String[] names = PersonNames.split(person.name());
        user.setLastName(names[0]);
        user.setFirstName(names[1]);
        identity.saveUser(user);
        if (person.phone() == null) {
            identity.deleteUserInfo(person.id(), PHONE);
        } else {
            identity.setUserInfo(person.id(), PHONE, person.phone());
        }
        Set<String> current = roleGroupsOf(person.id());
        for (String group : person.groups()) {
            if (!current.contains(group) && !isAdministrators(group)) {
                identity.createMembership(person.id(), group);
            }
        }
        current.stream()
                .filter(group -> !person.groups().contains(group) && !isAdministrators(group))
                .forEach(group -> identity.deleteMembership(person.id(), group));
    }

    /**
     * Takes every role group but {@code camunda-admin} from the person: they keep their account (and
     * history) and see no task any more. Signing in at all is stopped by locking the account.
     */
    public void withdrawRoles(String id) {
        roleGroupsOf(id).stream()
                .filter(group -> !isAdministrators(group))
                .forEach(group -> identity.deleteMembership(id, group));
    }

    /** Whether the person is an administrator, whom an import neither creates nor withdraws. */
    public static boolean isAdministrator(Person person) {
        return person.groups().stream().anyMatch(People::isAdministrators);
    }

    private static boolean isAdministrators(String group) {
        return Role.ADMIN.groupId().equals(group);
    }

    private Set<String> roleGroupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .filter(id -> Role.ofGroup(id).isPresent())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** A password nobody knows: the account cannot be signed in to until an administrator sets one. */
    private static String unknowable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
