package cn.lianxin.notification;

import java.util.Set;

/**
 * Something cadres should find in their inbox (站内消息): published as a Spring application event by
 * the step or operation it is about, inside that step's transaction, and stored by the inbox in the
 * same transaction (no operation without its notice). {@code users} and {@code groups} name who is
 * told; a group means each of its members.
 *
 * @param number the case or topic number it is about ({@code LX-…}, {@code YS-…}), or {@code null}
 * @param taskId the task it is about, or {@code null}
 * @param text what the cadre reads, in Chinese, with no citizen's personal data
 * @param actor the user who caused it ({@code null}: the platform, e.g. a timer)
 */
public record CadreNotice(
        Kind kind, Set<String> users, Set<String> groups, String number, String taskId, String text, String actor) {

    /** What happened, with the word the inbox shows. */
    public enum Kind {
        DUE_SOON("临期"),
        OVERDUE("超期"),
        URGED("催办"),
        TRANSFERRED("转办"),
        DELEGATED("委派"),
        DELEGATION_RESOLVED("委派办结"),
        SENT_BACK("驳回"),
        RECALLED("撤回"),
        SUPERVISION("督办"),
        INSTRUCTION("批示"),
        COMMENTED("评论");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CadreNotice {
        users = users == null ? Set.of() : Set.copyOf(users);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
