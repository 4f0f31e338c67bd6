/**
 * Cross-cutting platform concerns: HTTP security for the API, Camunda's REST API and webapps
 * (authorization on, the engine running as the signed-in user), and the one place where errors
 * become RFC 9457 problem details with Chinese texts.
 */
package cn.lianxin.system;
