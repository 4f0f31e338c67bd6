package cn.lianxin.service;

import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who keeps a village's lists and follows its orders: its station head (站长) and its branch secretary
 * (支部书记). Anyone else — another village's, a town's, a party member — is refused (403), an unknown
 * village is 404.
 */
@Component
class VillageStaff {

    private final IdentityService identity;
    private final Units units;

    VillageStaff(IdentityService identity, Units units) {
        this.identity = identity;
        this.units = units;
    }

    /** The signed-in head or secretary of the village; 404 for no such village, 403 for anyone else. */
    CurrentUser of(String villageCode) {
        village(villageCode).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        CurrentUser me = CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
        if (!isStaffOf(me, villageCode)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return me;
    }

    boolean isStaffOf(CurrentUser me, String villageCode) {
        return me.groupIds().contains(Role.STATION_HEAD.groupIdIn(villageCode))
                || me.groupIds().contains(Role.BRANCH_SECRETARY.groupIdIn(villageCode));
    }

    Optional<Unit> village(String code) {
        return code == null ? Optional.empty() : units.byCode(code).filter(unit -> unit.kind() == UnitKind.VILLAGE);
    }
}
