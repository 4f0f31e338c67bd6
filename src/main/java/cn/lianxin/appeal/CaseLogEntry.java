package cn.lianxin.appeal;

import java.time.Instant;

/**
 * One line of a case's log. {@code kind} names the register of 四登记 (APPOINTMENT, ON_SITE,
 * RESULT, SIGN_OFF) or another step; entries shown to the citizen carry no internal user names.
 */
record CaseLogEntry(Instant loggedAt, String actor, String kind, String entry, boolean shownToCitizen) {}
