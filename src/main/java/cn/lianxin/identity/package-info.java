/**
 * Identity and organisation: the unit tree (county, towns, villages, departments), the roles of
 * DESIGN §2 and the Camunda groups they become ({@code <role>-<unit>}), the authorizations each
 * role gets ({@link cn.lianxin.identity.AccessPolicy}), the shared Tasklist filters and the demo
 * world seeded in the default mode. Everything it writes to Camunda is idempotent and repeated on
 * every start.
 */
package cn.lianxin.identity;
