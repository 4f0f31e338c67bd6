/**
 * 版本迁移: a process designer (or an administrator) moves the open cases of a model from an
 * older deployed version to a newer one through the platform — what changed between the two
 * versions, a dry run that tries every open case in a transaction that is rolled back and says in
 * Chinese which cases cannot move and why, then Camunda's migration batch with its progress, each
 * execution audited. The engine work runs as the platform ({@code workflow.EngineAsPlatform}):
 * designers get no migration rights in the engine's own REST API.
 */
package cn.lianxin.migration;
