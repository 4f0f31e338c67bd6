package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.workflow.ProcessTasks;
import cn.lianxin.workflow.UserTask;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The service order's user tasks as the engine asks for them: {@code dispatch} → {@link Dispatch},
 * {@code accept} → {@link Accept}, {@code serve} → {@link Serve}, {@code volunteer-accept} →
 * {@link VolunteerAccept}, {@code volunteer-serve} → {@link VolunteerServe}.
 */
@Component
class ServiceOrderTaskRules extends ProcessTasks {

    /** Set by the process and shown read-only: a submission may repeat them, never change them. */
    static final Set<String> PROTECTED =
            Set.of(ORDER_NO, VILLAGE_CODE, RESOURCE_TITLE, DESCRIPTION, RESIDENT_SUMMARY, STATUS, TRACKING_NO);

    ServiceOrderTaskRules(List<UserTask> tasks) {
        super(ServiceOrderProcess.KEY, PROTECTED, tasks);
    }
}
