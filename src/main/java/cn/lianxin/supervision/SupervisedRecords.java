package cn.lianxin.supervision;

/**
 * The log of something supervision can watch — a case (诉求) or a topic (议题) — so its timeline
 * tells the whole story of a supervision. Each supervised module provides one.
 */
public interface SupervisedRecords {

    /** Whether this number belongs to this module (its numbering scheme). */
    boolean handles(String number);

    boolean exists(String number);

    void record(String number, String actor, String kind, String entry, boolean shownToPublic);
}
