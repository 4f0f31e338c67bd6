package cn.lianxin.deliberation.tasks;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deliberation.Ledgers;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The ledger's milestones and what was reported on each, as the ledger and completion forms show them. */
@Component
class LedgerSummary {

    private final Ledgers ledgers;

    LedgerSummary(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    String of(String no) {
        return ledgers.milestonesOf(no).stream()
                .map(m -> WorkingDays.format(m.dueAt()) + " " + m.title() + "："
                        + (m.progress() == null ? "尚未报告" : m.progress()))
                .collect(Collectors.joining("\n"));
    }
}
