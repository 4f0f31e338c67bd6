package cn.lianxin.calendar;

/** Where a year's holiday arrangement comes from. */
enum ArrangementSource {
    /** Uploaded by an administrator; overrides the library. */
    UPLOADED,
    /** Shipped with the tyme4j library. */
    LIBRARY,
    /** Not known: that year is counted on plain weekends. */
    NONE
}
