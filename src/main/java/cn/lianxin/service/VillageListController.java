package cn.lianxin.service;

import cn.lianxin.citizen.PublicLimits;
import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.identity.Unit;
import cn.lianxin.service.ListKinds.ProviderKind;
import cn.lianxin.service.ListRequests.NeedRequest;
import cn.lianxin.service.ListRequests.ProjectRequest;
import cn.lianxin.service.ListRequests.ResourceRequest;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 三张清单 over HTTP: {@code /api/villages/{code}/resources|needs|projects} for the village's station head
 * and branch secretary (paged, create, change, close; another village's → 403), and the village's
 * public menu ({@code /api/villages/{code}/service-menu}: open resources and current projects, no
 * person's name) for the portal.
 */
@RestController
class VillageListController {

    /** How many resources and projects the public menu shows at most, newest first. */
    static final int MENU_SIZE = 100;

    /** A resource as the portal shows it: a person who offers it is named only by kind (党员, 志愿者). */
    record MenuResource(long id, String title, String description, String providerKindLabel, String provider) {}

    /** A project as the portal shows it: no owner (it may be a person). */
    record MenuProject(
            long id, String title, String description, LocalDate startsOn, LocalDate endsOn, String statusLabel) {}

    record Menu(String villageCode, String villageName, List<MenuResource> resources, List<MenuProject> projects) {}

    private final VillageLists lists;
    private final VillageStaff staff;
    private final PublicLimits limits;

    VillageListController(VillageLists lists, VillageStaff staff, PublicLimits limits) {
        this.lists = lists;
        this.staff = staff;
        this.limits = limits;
    }

    @GetMapping("/api/villages/{code}/service-menu")
    Menu menu(@PathVariable String code, HttpServletRequest http) {
        limits.take(Limit.REQUESTS, http.getRemoteAddr());
        Unit village =
                staff.village(code).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        return new Menu(
                village.code(),
                village.name(),
                lists.openResources(code, MENU_SIZE).stream()
                        .map(r -> new MenuResource(
                                r.id(),
                                r.title(),
                                r.description(),
                                r.providerKindLabel(),
                                ProviderKind.valueOf(r.providerKind()).isPerson() ? null : r.providerName()))
                        .toList(),
                lists.currentProjects(code, MENU_SIZE).stream()
                        .map(p -> new MenuProject(
                                p.id(), p.title(), p.description(), p.startsOn(), p.endsOn(), p.statusLabel()))
                        .toList());
    }

    // ---- 资源清单 ----

    @GetMapping("/api/villages/{code}/resources")
    ListPage<VillageLists.Resource> resources(
            @PathVariable String code,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size) {
        staff.of(code);
        return lists.resources(code, before, ListPage.size(size));
    }

    @PostMapping("/api/villages/{code}/resources")
    ResponseEntity<VillageLists.Resource> addResource(
            @PathVariable String code, @Valid @RequestBody ResourceRequest request) {
        String by = staff.of(code).userId();
        VillageLists.Resource added = lists.addResource(code, request, by);
        return ResponseEntity.created(URI.create("/api/villages/" + code + "/resources/" + added.id()))
                .body(added);
    }

    @PutMapping("/api/villages/{code}/resources/{id}")
    VillageLists.Resource changeResource(
            @PathVariable String code, @PathVariable long id, @Valid @RequestBody ResourceRequest request) {
        staff.of(code);
        return lists.changeResource(code, id, request);
    }

    @PostMapping("/api/villages/{code}/resources/{id}/closure")
    VillageLists.Resource closeResource(@PathVariable String code, @PathVariable long id) {
        staff.of(code);
        return lists.closeResource(code, id);
    }

    // ---- 需求清单 ----

    @GetMapping("/api/villages/{code}/needs")
    ListPage<VillageLists.Need> needs(
            @PathVariable String code,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size) {
        staff.of(code);
        return lists.needs(code, before, ListPage.size(size));
    }

    @PostMapping("/api/villages/{code}/needs")
    ResponseEntity<VillageLists.Need> addNeed(@PathVariable String code, @Valid @RequestBody NeedRequest request) {
        String by = staff.of(code).userId();
        VillageLists.Need added = lists.addNeed(code, request, by);
        return ResponseEntity.created(URI.create("/api/villages/" + code + "/needs/" + added.id()))
                .body(added);
    }

    @PutMapping("/api/villages/{code}/needs/{id}")
    VillageLists.Need changeNeed(
            @PathVariable String code, @PathVariable long id, @Valid @RequestBody NeedRequest request) {
        staff.of(code);
        return lists.changeNeed(code, id, request);
    }

    @PostMapping("/api/villages/{code}/needs/{id}/closure")
    VillageLists.Need closeNeed(@PathVariable String code, @PathVariable long id) {
        staff.of(code);
        return lists.closeNeed(code, id);
    }

    // ---- 项目清单 ----

    @GetMapping("/api/villages/{code}/projects")
    ListPage<VillageLists.Project> projects(
            @PathVariable String code,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size) {
        staff.of(code);
        return lists.projects(code, before, ListPage.size(size));
    }

    @PostMapping("/api/villages/{code}/projects")
    ResponseEntity<VillageLists.Project> addProject(
            @PathVariable String code, @Valid @RequestBody ProjectRequest request) {
        String by = staff.of(code).userId();
        VillageLists.Project added = lists.addProject(code, request, by);
        return ResponseEntity.created(URI.create("/api/villages/" + code + "/projects/" + added.id()))
                .body(added);
    }

    @PutMapping("/api/villages/{code}/projects/{id}")
    VillageLists.Project changeProject(
            @PathVariable String code, @PathVariable long id, @Valid @RequestBody ProjectRequest request) {
        staff.of(code);
        return lists.changeProject(code, id, request);
    }

    @PostMapping("/api/villages/{code}/projects/{id}/closure")
    VillageLists.Project closeProject(@PathVariable String code, @PathVariable long id) {
        staff.of(code);
        return lists.closeProject(code, id);
    }
}
