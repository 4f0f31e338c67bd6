/**
 * 协商议事 (Deliberation): a topic from a citizen, a cadre or a case is reviewed, its plan noticed
 * before the meeting (协商前公示), the meeting recorded with a checked vote (协商中记录, 民意主断),
 * the result noticed, and a passed topic tracked on a ledger until done and evaluated (协商后跟踪).
 * The process is {@code processes/deliberation.bpmn}; see docs/deliberation.md.
 */
package cn.lianxin.deliberation;
