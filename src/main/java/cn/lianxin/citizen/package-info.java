/**
 * What the citizen-facing sides of appeals and deliberation share: masking of names and phone numbers
 * (脱敏), the citizen's access codes, the limits on every public route, the satisfaction scale of an
 * evaluation, and idempotent intake (a request's fingerprint beside its {@code Idempotency-Key}).
 * Used by {@code appeal} and {@code deliberation}; depends on nothing of theirs.
 */
package cn.lianxin.citizen;
