package cn.lianxin.member;

/**
 * A confirmed party member of a village as the service orders see them (派单): who they are, where they
 * work and what they can offer when.
 *
 * @param employer the member's employer unit (工作单位), which receives their quarterly summary
 */
public record PartyMember(
        String userId, String name, String villageCode, String employer, String skills, String availability) {}
