package io.awslabs.resources.iam;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/** A permissions policy embedded in a lab role (PutRolePolicy): removed before the role can go. */
public final class RoleInlinePolicy implements ResourceKind {
    public static final RoleInlinePolicy KIND = new RoleInlinePolicy();

    /** Which policy of which role. */
    public record Embedded(String role, String policyName) { }

    private RoleInlinePolicy() { }

    public static Embedded put(Provisioning p, String role, String policyName, String document) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            iam.putRolePolicy(r -> r.roleName(role).policyName(policyName).policyDocument(document));
            return new Embedded(role, policyName);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "IAM role inline policy";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:PutRolePolicy", "iam:DeleteRolePolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListRoles", "iam:ListRolePolicies");
    }

    @Override
    public void delete(Teardown env, String id) {
        Embedded e = Relation.parse(id, Embedded.class);
        env.target().client(IamClient.class).deleteRolePolicy(r -> r.roleName(e.role()).policyName(e.policyName()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        IamClient iam = target.client(IamClient.class);
        List<Found> found = new ArrayList<>();
        for (Found role : IamRole.KIND.find(target, runs)) {
            for (String name : iam.listRolePoliciesPaginator(r -> r.roleName(role.id())).policyNames()) {
                found.add(new Found(role.runId(), Relation.idOf(new Embedded(role.id(), name))));
            }
        }
        return found;
    }
}
