/**
 * The county's organisation as data: an administrator imports the units (county, towns, villages,
 * departments) and the people with their roles from the file a county office keeps (CSV or Excel),
 * checked whole — every problem reported at once, nothing stored while one remains — and audited.
 * A good import takes effect at once: the units' groups, grants and tenants follow, and the next
 * task's form offers the new units, with no model deployed. With Keycloak only units are imported.
 */
package cn.lianxin.organisation;
