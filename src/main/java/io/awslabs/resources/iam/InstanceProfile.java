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
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An IAM instance profile, recorded by its name. IAM refuses to delete a profile that still holds
 * a role, so deleting takes its roles out first; only its name finds it.
 */
public final class InstanceProfile implements ResourceKind {
    public static final InstanceProfile KIND = new InstanceProfile();

    /** A lab instance profile: its name and ARN. */
    public record Handle(String name, String arn) { }

    private InstanceProfile() { }

    public static Handle create(Provisioning p, String suffix) throws Exception {
        IamClient iam = p.client(IamClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> new Handle(name, iam.createInstanceProfile(r -> r.instanceProfileName(name)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).instanceProfile().arn()), Handle::name);
    }

    @Override
    public String type() {
        return "IAM instance profile";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:CreateInstanceProfile", "iam:TagInstanceProfile", "iam:GetInstanceProfile",
                "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListInstanceProfiles");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        IamClient iam = env.target().client(IamClient.class);
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
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(IamClient.class).listInstanceProfilesPaginator().instanceProfiles().stream()
                .flatMap(p -> runs.runOf(p.instanceProfileName()).map(run -> new Found(run, p.instanceProfileName())).stream())
                .toList();
    }
}
