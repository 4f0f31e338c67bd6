package cn.lianxin.appeal;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import org.springframework.stereotype.Component;

/** The county departments (部门) a case can be dispatched to or handled jointly by, as steps check and show them. */
@Component
public class Departments {

    private final Units units;

    /** @param units the organisation's units, of which the departments are the ones of kind {@code DEPARTMENT} */
    public Departments(Units units) {
        this.units = units;
    }

    /** Whether the code names a known department (a town or village is not one). */
    public boolean isDepartment(String code) {
        return code != null
                && units.byCode(code)
                        .filter(u -> u.kind() == UnitKind.DEPARTMENT)
                        .isPresent();
    }

    /** The unit's Chinese name, or the code itself when no unit has it. */
    public String nameOf(String code) {
        return units.byCode(code).map(Unit::name).orElse(code);
    }
}
