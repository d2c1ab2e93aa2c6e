package io.awslabs.resources.organizations;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.PolicyNotAttachedException;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;

/** A lab policy attached to a root, an OU or an account: detached before the policy can go. */
public final class PolicyAttachment implements ResourceKind {
    public static final PolicyAttachment KIND = new PolicyAttachment();

    /** Which policy is attached to which target. */
    public record Attached(String policyId, String targetId) { }

    private PolicyAttachment() { }

    public static Attached attach(Provisioning p, String policyId, String targetId) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        return p.create(KIND, () -> {
            organizations.attachPolicy(r -> r.policyId(policyId).targetId(targetId));
            return new Attached(policyId, targetId);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "Organizations policy attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:AttachPolicy", "organizations:DetachPolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:ListPolicies", "organizations:ListTargetsForPolicy");
    }

    @Override
    public void delete(Teardown env, String id) throws Gone {
        Attached a = Relation.parse(id, Attached.class);
        try {
            env.target().client(OrganizationsClient.class).detachPolicy(r -> r.policyId(a.policyId()).targetId(a.targetId()));
        } catch (PolicyNotAttachedException | AwsOrganizationsNotInUseException e) {
            throw new Gone("gone.policyAttachment", a.policyId(), a.targetId());
        }
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        OrganizationsClient organizations = target.client(OrganizationsClient.class);
        List<Found> found = new ArrayList<>();
        for (Found policy : ServiceControlPolicy.KIND.find(target, runs)) {
            for (PolicyTargetSummary t : ServiceControlPolicy.targetsOf(organizations, policy.id())) {
                found.add(new Found(policy.runId(), Relation.idOf(new Attached(policy.id(), t.targetId()))));
            }
        }
        return found;
    }
}
