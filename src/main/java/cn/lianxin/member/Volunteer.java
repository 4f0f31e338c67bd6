package cn.lianxin.member;

/**
 * An active volunteer (志愿者) of a village as the service orders see them: whom the branch secretary may dispatch
 * an order to. No phone: the secretary reads it in the register ({@code /api/villages/{code}/volunteers/{id}}).
 */
public record Volunteer(long id, String villageCode, String name, String skills, String availability) {}
