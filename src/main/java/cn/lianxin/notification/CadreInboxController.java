package cn.lianxin.notification;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/inbox}: the signed-in cadre's own notices (站内消息) — a page of them newest first, the
 * unread count for the Tasklist navbar, and marking them read. Nobody sees or marks another's: an
 * id that is not the caller's is a 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/inbox")
class CadreInboxController {

    record UnreadCount(long count) {}

    private final CadreInbox inbox;

    CadreInboxController(CadreInbox inbox) {
        this.inbox = inbox;
    }

    /** {@code ?page=0&size=20&unread=false} (size 1 to 100; {@code unread=true}: only the unread ones). */
    @GetMapping
    ListPage<CadreInbox.Item> mine(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Boolean unread,
            Principal me) {
        return inbox.page(me.getName(), Boolean.TRUE.equals(unread), ListPage.numbered(page, size));
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(Principal me) {
        return new UnreadCount(inbox.unreadCount(me.getName()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable String id, Principal me) {
        if (!id.matches("[0-9]{1,18}") || !inbox.markRead(me.getName(), Long.parseLong(id))) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(Principal me) {
        inbox.markAllRead(me.getName());
        return ResponseEntity.noContent().build();
    }
}
