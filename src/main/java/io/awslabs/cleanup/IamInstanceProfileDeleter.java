package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/** An instance profile must be emptied of its role before IAM deletes it. */
final class IamInstanceProfileDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "IAM instance profile";
    }

    @Override
    public void delete(Target target, String idOrArn) {
        IamClient iam = target.client(IamClient.class);
        String profile = canonicalId(idOrArn);
        for (Role role : iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles()) {
            iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(role.roleName()));
        }
        iam.deleteInstanceProfile(r -> r.instanceProfileName(profile));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "iam", "instance-profile");
    }

    @Override
    public List<String> findByRunId(Target target, String runId) {
        return target.client(IamClient.class).listInstanceProfilesPaginator().instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).filter(name -> name.contains(runId)).toList();
    }
}
