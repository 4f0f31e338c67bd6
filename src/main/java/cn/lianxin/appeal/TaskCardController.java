package cn.lianxin.appeal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What Tasklist's plugins show of a cadre's tasks: the cards of a list page and a task's 办理记录. */
@RestController
@RequestMapping("/api/tasks")
class TaskCardController {

    private final TaskCards cards;

    TaskCardController(TaskCards cards) {
        this.cards = cards;
    }

    /** {@code ?ids=a,b,c} (1 to 50 task ids): the cards of those the user may see, in that order. */
    @GetMapping("/cards")
    List<TaskCards.Card> cards(@RequestParam(required = false) String ids) {
        return cards.cards(ids);
    }

    /** The case's (or topic's) whole log for a task the user may see; personal numbers masked. */
    @GetMapping("/{taskId}/timeline")
    TaskCards.Timeline timeline(@PathVariable String taskId) {
        return cards.timeline(taskId);
    }
}
