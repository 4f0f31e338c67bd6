package cn.lianxin.migration;

import cn.lianxin.system.ApiProblemException;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 版本迁移 for process designers and administrators (docs/migration.md):
 * {@code GET /api/migrations/changes} what changed between two versions of a model,
 * {@code POST /api/migrations/dry-run} which open cases can move and why the others cannot,
 * {@code POST /api/migrations} (with {@code Idempotency-Key}) the batch, and
 * {@code GET /api/migrations/{id}} its progress and result.
 */
@RestController
@RequestMapping("/api/migrations")
@PreAuthorize("hasAnyAuthority('process-designer', 'camunda-admin')")
class MigrationController {

    private final ModelVersions versions;
    private final MigrationTrial trial;
    private final Migrations migrations;

    MigrationController(ModelVersions versions, MigrationTrial trial, Migrations migrations) {
        this.versions = versions;
        this.trial = trial;
        this.migrations = migrations;
    }

    @GetMapping("/changes")
    ModelVersions.Changes changes(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        return versions.changes(versions.pair(key, from, to, true));
    }

    @PostMapping("/dry-run")
    MigrationTrial.DryRun dryRun(@RequestBody MigrationRequest request) {
        MigrationTrial.Plan plan = trial.plan(request);
        return MigrationTrial.answer(plan, trial.tryEach(plan));
    }

    @PostMapping
    ResponseEntity<Migrations.Progress> start(
            @RequestBody MigrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal principal) {
        Migrations.Started started = migrations.start(request, idempotencyKey, principal.getName());
        Migrations.Progress progress = migrations.progress(started.id()).orElseThrow();
        if (started.replayed()) {
            return ResponseEntity.ok(progress);
        }
        return ResponseEntity.created(URI.create("/api/migrations/" + started.id()))
                .body(progress);
    }

    @GetMapping("/{id}")
    Migrations.Progress progress(@PathVariable long id) {
        return migrations.progress(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
    }
}
