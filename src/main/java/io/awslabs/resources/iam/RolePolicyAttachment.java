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
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** A managed policy attached to a lab role: detached before the role can go. */
public final class RolePolicyAttachment implements ResourceKind {
    public static final RolePolicyAttachment KIND = new RolePolicyAttachment();

    /** Which policy is attached to which role. */
    public record Attached(String role, String policyArn) { }

    private RolePolicyAttachment() { }

    /**
     * Attaches the policy. An AWS managed policy the target does not have is named as such: a
     * moto server started without MOTO_IAM_LOAD_MANAGED_POLICIES=true has none.
     */
    public static Attached attach(Provisioning p, String role, String policyArn) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            try {
                iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
            } catch (NoSuchEntityException e) {
                if (policyArn.contains(":iam::aws:policy/")) {
                    throw new IllegalStateException("the target has no AWS managed policy " + policyArn
                            + " (a moto server needs MOTO_IAM_LOAD_MANAGED_POLICIES=true to have them)", e);
                }
                throw e;
            }
            return new Attached(role, policyArn);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "IAM role policy attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListRoles", "iam:ListAttachedRolePolicies");
    }

    @Override
    public void delete(Teardown env, String id) {
        Attached attached = Relation.parse(id, Attached.class);
        env.target().client(IamClient.class)
                .detachRolePolicy(r -> r.roleName(attached.role()).policyArn(attached.policyArn()));
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
            for (AttachedPolicy policy : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role.id())).attachedPolicies()) {
                found.add(new Found(role.runId(), Relation.idOf(new Attached(role.id(), policy.policyArn()))));
            }
        }
        return found;
    }
}
