/**
 * One class per user task of {@code processes/deliberation.bpmn}, named after the task
 * ({@code topic-review} → {@code TopicReview}, …): the fields the task
 * accepts, the checks a completion must pass, what its form is given when it is created and what goes
 * on record when it completes. {@code DeliberationTaskRules} gathers them behind the workflow's port.
 */
package cn.lianxin.deliberation.tasks;
