package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/** Roles and instance profiles whose name carries the run id. */
final class IamLeftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        IamClient iam = target.client(IamClient.class);
        List<String> live = new ArrayList<>();
        for (Role role : iam.listRolesPaginator().roles()) {
            if (role.roleName().contains(runId)) {
                live.add("iam role " + role.roleName());
            }
        }
        for (InstanceProfile profile : iam.listInstanceProfilesPaginator().instanceProfiles()) {
            if (profile.instanceProfileName().contains(runId)) {
                live.add("iam instance profile " + profile.instanceProfileName());
            }
        }
        return live;
    }
}
