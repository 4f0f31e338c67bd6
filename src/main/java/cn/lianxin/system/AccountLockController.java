package cn.lianxin.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/{userId}/lock}: an administrator locks an account on purpose (a cadre who left,
 * a password that leaked) and unlocks it again. The lock holds on every sign-in route until removed;
 * every lock and unlock is kept in {@code account_lock_log}. In the {@code keycloak} profile accounts
 * are disabled in Keycloak instead.
 */
@RestController
@RequestMapping("/api/users/{userId}/lock")
@PreAuthorize("hasAuthority('camunda-admin')")
@Profile("!keycloak")
class AccountLockController {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLockController.class);

    record LockRequest(@NotBlank(message = "必须填写锁定原因") @Size(max = 500, message = "不能超过 500 个字") String reason) {}

    private final AccountLocks locks;
    private final IdentityService identity;

    AccountLockController(AccountLocks locks, IdentityService identity) {
        this.locks = locks;
        this.identity = identity;
    }

    @GetMapping
    AccountLocks.AccountLock show(@PathVariable String userId) {
        return locks.find(existing(userId))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "account-not-locked"));
    }

    @PutMapping
    AccountLocks.AccountLock lock(
            @PathVariable String userId, @Valid @RequestBody LockRequest request, Principal admin) {
        existing(userId);
        if (userId.equals(admin.getName())) {
            // locking oneself out could leave no administrator to unlock anyone
            throw new ApiProblemException(HttpStatus.CONFLICT, "account-lock-self");
        }
        AccountLocks.AccountLock lock = locks.lock(userId, request.reason().trim(), admin.getName());
        LOG.info("Account {} locked by administrator {}", userId, admin.getName());
        return lock;
    }

    @DeleteMapping
    ResponseEntity<Void> unlock(@PathVariable String userId, Principal admin) {
        if (!locks.unlock(existing(userId), admin.getName())) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "account-not-locked");
        }
        LOG.info("Account {} unlocked by administrator {}", userId, admin.getName());
        return ResponseEntity.noContent().build();
    }

    /** The id of a user that exists; anything else (made up, malformed) is 404 before any write. */
    private String existing(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return userId;
    }
}
