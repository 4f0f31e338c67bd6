package cn.lianxin.identity;

/**
 * One unit of the organisation: the county, a town, a village or a county department.
 *
 * @param parentCode the unit above it; {@code null} for the county
 */
public record Unit(String code, String name, UnitKind kind, String parentCode) {}
