package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * IAM refuses to delete a role that is still in an instance profile or has policies: take it
 * out and detach them first. GetResources does not list IAM roles, so they are found by name.
 */
final class IamRoleDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "IAM role";
    }

    @Override
    public void delete(Target target, String idOrArn) {
        IamClient iam = target.client(IamClient.class);
        String role = canonicalId(idOrArn);
        for (InstanceProfile profile : iam.listInstanceProfilesForRolePaginator(r -> r.roleName(role)).instanceProfiles()) {
            iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile.instanceProfileName()).roleName(role));
        }
        for (AttachedPolicy policy : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies()) {
            iam.detachRolePolicy(r -> r.roleName(role).policyArn(policy.policyArn()));
        }
        for (String inline : iam.listRolePoliciesPaginator(r -> r.roleName(role)).policyNames()) {
            iam.deleteRolePolicy(r -> r.roleName(role).policyName(inline));
        }
        iam.deleteRole(r -> r.roleName(role));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "iam", "role");
    }

    @Override
    public List<String> findByRunId(Target target, String runId) {
        return target.client(IamClient.class).listRolesPaginator().roles().stream().map(Role::roleName)
                .filter(name -> name.contains(runId)).toList();
    }
}
