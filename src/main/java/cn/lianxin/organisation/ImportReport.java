package cn.lianxin.organisation;

import java.util.List;

/**
 * What an import changed — or, for a dry run, would change.
 *
 * @param units the units table's effect; {@code null} when the file had none
 * @param people the people table's effect; {@code null} when the file had none
 * @param newGroups the role groups the new units bring (with Keycloak: to be created there)
 */
record ImportReport(
        boolean dryRun,
        String fileName,
        String sha256,
        UnitChanges units,
        PeopleChanges people,
        MembershipChanges memberships,
        List<String> newGroups) {

    /** @param notInFile units the platform has and the file does not: kept (cases refer to them) */
    record UnitChanges(List<String> added, List<String> changed, int unchanged, List<String> notInFile) {}

    /**
     * @param notInFile people with roles whom the file does not list; kept unless {@code removeMissing}
     * @param deactivated those of them whose roles were taken away ({@code removeMissing=true})
     */
    record PeopleChanges(
            List<String> added,
            List<String> changed,
            int unchanged,
            List<String> notInFile,
            List<String> deactivated) {}

    /** One person in one group. */
    record Membership(String user, String group) {}

    record MembershipChanges(List<Membership> added, List<Membership> removed) {}
}
