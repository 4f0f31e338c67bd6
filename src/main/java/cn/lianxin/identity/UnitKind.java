package cn.lianxin.identity;

/** The levels of the organisation tree (DESIGN §2). */
public enum UnitKind {
    /** 县 */
    COUNTY,
    /** 镇/街道 */
    TOWN,
    /** 村/社区 */
    VILLAGE,
    /** 县直部门 */
    DEPARTMENT
}
