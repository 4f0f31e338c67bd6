package cn.lianxin.appeal;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.workflow.FormOptions;
import org.camunda.bpm.engine.variable.value.TypedValue;
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

    /**
     * The departments as a form's choices (name shown, code submitted), read from the units when the
     * task is created: a department added by an import is offered by the next task, with no model
     * deployed. A task created before keeps its list, and its checks still accept every department
     * known now ({@link #isDepartment}).
     */
    public TypedValue options() {
        return FormOptions.of(units.all().stream()
                .filter(u -> u.kind() == UnitKind.DEPARTMENT)
                .map(u -> new FormOptions.Option(u.name(), u.code()))
                .toList());
    }

    /** The unit's Chinese name, or the code itself when no unit has it. */
    public String nameOf(String code) {
        return units.byCode(code).map(Unit::name).orElse(code);
    }
}
