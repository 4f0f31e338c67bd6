package cn.lianxin.member;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.EngineAsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在职党员到社区报到: a party member registers with the village of their party-member group; the village's
 * branch secretary lists the registrations and confirms or rejects each once; a member reads their own
 * record, a secretary those of their village.
 */
@Service
class CommunityRegistration {

    private final Registrations registrations;
    private final ServiceRecords records;
    private final PointsRules rules;
    private final IdentityService identity;
    private final EngineAsPlatform platform;

    CommunityRegistration(
            Registrations registrations,
            ServiceRecords records,
            PointsRules rules,
            IdentityService identity,
            EngineAsPlatform platform) {
        this.registrations = registrations;
        this.records = records;
        this.rules = rules;
        this.identity = identity;
        this.platform = platform;
    }

    @Transactional
    MemberView register(SignedIn user, String employer, String skills, String availability) {
        String village = user.memberVillage();
        Registrations.Registration registered = registrations.register(
                user.userId(), nameOf(user.userId()), village, employer.strip(), skills.strip(), availability.strip());
        return MemberView.of(registered, records.totals(user.userId()), rules, true);
    }

    /**
     * The secretary's decision on a registration of their village: 404 when there is none there, 409 when it
     * was decided already (a replayed confirmation changes nothing).
     */
    @Transactional
    MemberView decide(SignedIn secretary, String village, String userId, boolean confirmed, String reason) {
        Registrations.Registration registration = inVillage(userId, village);
        if (!registrations.decide(
                userId, village, confirmed, reason == null ? null : reason.strip(), secretary.userId())) {
            throw new ApiProblemException(
                    HttpStatus.CONFLICT, "member-decided", registration.status().label());
        }
        return MemberView.of(registrations.of(userId).orElseThrow(), records.totals(userId), rules, false);
    }

    /**
     * The secretary records that a confirmed member of their village has left it: 404 when there is no such
     * member there, 409 when they are not (or no longer) confirmed.
     */
    @Transactional
    MemberView leave(SignedIn secretary, String userId) {
        if (secretary.secretaryOf().isEmpty()) {
            throw SignedIn.forbidden();
        }
        Registrations.Registration registration = readable(secretary, userId);
        if (!secretary.isSecretaryOf(registration.villageCode())) {
            throw notFound();
        }
        if (!registrations.leave(userId, registration.villageCode(), secretary.userId())) {
            throw new ApiProblemException(
                    HttpStatus.CONFLICT,
                    "member-not-confirmed",
                    registration.status().label());
        }
        return MemberView.of(registrations.of(userId).orElseThrow(), records.totals(userId), rules, false);
    }

    ListPage<MemberView> ofVillage(String village, MemberStatus status, ListPage.Numbered page) {
        return ListPage.of(registrations.ofVillage(village, status, page), page)
                .map(r -> MemberView.of(r, records.totals(r.userId()), rules, false));
    }

    /** A member's record: their own, or one of the secretary's village (404 for any other of a secretary). */
    MemberView read(SignedIn user, String userId) {
        return MemberView.of(
                readable(user, userId),
                records.totals(userId),
                rules,
                user.userId().equals(userId));
    }

    /**
     * The registration the user may read: their own, or one of a village where they are the branch secretary.
     * Anyone else's is a 403 for a user who is no secretary, a 404 for a secretary (another village's members
     * are not theirs to know of).
     */
    Registrations.Registration readable(SignedIn user, String userId) {
        if (user.userId().equals(userId)) {
            return registrations.of(userId).orElseThrow(CommunityRegistration::notFound);
        }
        if (user.secretaryOf().isEmpty()) {
            throw SignedIn.forbidden();
        }
        return registrations
                .of(userId)
                .filter(r -> user.isSecretaryOf(r.villageCode()))
                .orElseThrow(CommunityRegistration::notFound);
    }

    private Registrations.Registration inVillage(String userId, String village) {
        return registrations
                .of(userId)
                .filter(r -> r.villageCode().equals(village))
                .orElseThrow(CommunityRegistration::notFound);
    }

    private String nameOf(String userId) {
        User user =
                platform.call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : PersonNames.of(user);
    }

    private static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "member-not-found");
    }
}
