package io.awslabs.resources.iam;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An IAM role, recorded by its name. IAM refuses to delete a role that is still in an instance
 * profile or has policies, so deleting takes it out and detaches them first. The tagging API
 * does not list IAM roles: their name finds them.
 */
public final class IamRole implements ResourceKind {
    public static final IamRole KIND = new IamRole();

    /** A lab role: its name and ARN. */
    public record Handle(String name, String arn) { }

    private IamRole() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} with this trust policy, tagged. */
    public static Handle create(Provisioning p, String suffix, String trustPolicy, String description) throws Exception {
        return create(p, suffix, trustPolicy, description, null);
    }

    /** The same, capped by a permissions boundary (a managed policy's ARN), or by none when it is null. */
    public static Handle create(Provisioning p, String suffix, String trustPolicy, String description,
                                String permissionsBoundary) throws Exception {
        IamClient iam = p.client(IamClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> new Handle(name, iam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument(trustPolicy).description(description).permissionsBoundary(permissionsBoundary)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).role().arn()), Handle::name);
    }

    @Override
    public String type() {
        return "IAM role";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:CreateRole", "iam:TagRole", "iam:ListRolePolicies", "iam:DeleteRolePolicy",
                "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy", "iam:ListInstanceProfilesForRole",
                "iam:RemoveRoleFromInstanceProfile", "iam:DeleteRole");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListRoles");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        IamClient iam = env.target().client(IamClient.class);
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
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(IamClient.class).listRolesPaginator().roles().stream()
                .flatMap(r -> runs.runOf(r.roleName()).map(run -> new Found(run, r.roleName())).stream())
                .toList();
    }
}
