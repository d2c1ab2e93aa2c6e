package io.awslabs.resources.iam;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/** A role placed in an instance profile: taken out before either can go. */
public final class InstanceProfileRole implements ResourceKind {
    public static final InstanceProfileRole KIND = new InstanceProfileRole();

    /** Which role is in which instance profile. */
    public record Membership(String profile, String role) { }

    private InstanceProfileRole() { }

    public static Membership add(Provisioning p, String profile, String role) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
            return new Membership(profile, role);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "IAM instance profile role";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:AddRoleToInstanceProfile", "iam:GetInstanceProfile", "iam:RemoveRoleFromInstanceProfile");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListInstanceProfiles", "iam:GetInstanceProfile");
    }

    /** Checked first: removing a role that is not in the profile is an error, not a no-op. */
    @Override
    public void delete(Teardown env, String id) throws Gone {
        Membership m = Relation.parse(id, Membership.class);
        IamClient iam = env.target().client(IamClient.class);
        boolean member = iam.getInstanceProfile(r -> r.instanceProfileName(m.profile())).instanceProfile().roles().stream()
                .anyMatch(r -> r.roleName().equals(m.role()));
        if (!member) {
            throw new Gone("gone.profileRole", m.role(), m.profile());
        }
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(m.profile()).roleName(m.role()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        IamClient iam = target.client(IamClient.class);
        List<Found> found = new ArrayList<>();
        for (Found profile : InstanceProfile.KIND.find(target, runs)) {
            for (Role role : iam.getInstanceProfile(r -> r.instanceProfileName(profile.id())).instanceProfile().roles()) {
                found.add(new Found(profile.runId(), Relation.idOf(new Membership(profile.id(), role.roleName()))));
            }
        }
        return found;
    }
}
