/**
 * 协商议事 (Deliberation): public notice before, minutes and checked votes during, a tracked ledger
 * after. So far this module holds the meeting rules (quorum, tally, pass rule); the process
 * ({@code processes/deliberation.bpmn}) and its API follow.
 */
package cn.lianxin.deliberation;
