package cn.lianxin.member;

import cn.lianxin.citizen.RefusesUnknownFields;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/villages/{code}/volunteers}: the village's register of volunteers (志愿者名册), kept by its branch
 * secretary and station head — register, list (no phones), open one (with the phone, recorded), retire.
 * Anyone else signed in gets 403, another village's staff included; an unknown village 404.
 */
@RestController
@RequestMapping("/api/villages/{code}/volunteers")
class VolunteerController {

    /** 登记志愿者: who they are, how to reach them, what they can do and when. */
    record VolunteerRequest(
            @NotBlank(message = "必须填写姓名") @Size(max = 50, message = "不能超过 50 个字") String name,
            @NotBlank(message = "必须填写手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "应为 11 位大陆手机号码") String phone,
            @NotBlank(message = "必须填写特长或能提供的服务") @Size(max = 500, message = "不能超过 500 个字") String skills,
            @NotBlank(message = "必须填写可服务时间") @Size(max = 200, message = "不能超过 200 个字") String availability)
            implements RefusesUnknownFields {}

    private final VolunteerRegister register;
    private final IdentityService identity;
    private final Units units;

    VolunteerController(VolunteerRegister register, IdentityService identity, Units units) {
        this.register = register;
        this.identity = identity;
        this.units = units;
    }

    @PostMapping
    ResponseEntity<VolunteerRegister.VolunteerView> register(
            @PathVariable String code, @Valid @RequestBody VolunteerRequest request) {
        CurrentUser staff = staffOf(code);
        VolunteerRegister.VolunteerView registered = register.register(
                code, request.name(), request.phone(), request.skills(), request.availability(), staff.userId());
        return ResponseEntity.created(URI.create("/api/villages/" + code + "/volunteers/" + registered.id()))
                .body(registered);
    }

    /** {@code ?status=ACTIVE&before=<id>&size=20}: newest first, with points and star level, never a phone. */
    @GetMapping
    ListPage<VolunteerRegister.VolunteerView> list(
            @PathVariable String code,
            @RequestParam(required = false) VolunteerStatus status,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size) {
        staffOf(code);
        return register.ofVillage(code, status, before, ListPage.size(size));
    }

    /** One volunteer with their phone, to call them about an order. */
    @GetMapping("/{id}")
    VolunteerRegister.VolunteerView read(@PathVariable String code, @PathVariable long id) {
        return register.open(code, id, staffOf(code).userId());
    }

    /** 退出: no longer dispatched orders; the points stay. */
    @PostMapping("/{id}/retirement")
    VolunteerRegister.VolunteerView retire(@PathVariable String code, @PathVariable long id) {
        return register.retire(code, id, staffOf(code).userId());
    }

    /** The signed-in station head or branch secretary of the village; 404 for no such village, 403 for anyone else. */
    private CurrentUser staffOf(String code) {
        units.byCode(code)
                .filter(unit -> unit.kind() == UnitKind.VILLAGE)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        CurrentUser me = CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
        if (!me.groupIds().contains(Role.STATION_HEAD.groupIdIn(code))
                && !me.groupIds().contains(Role.BRANCH_SECRETARY.groupIdIn(code))) {
            throw SignedIn.forbidden();
        }
        return me;
    }
}
