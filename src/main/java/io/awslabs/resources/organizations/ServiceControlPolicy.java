package io.awslabs.resources.organizations;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.PolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * A service control policy, recorded by its id ({@code p-...}). AWS deletes a policy only when
 * it is attached to nothing (PolicyInUseException), so deleting detaches it everywhere first.
 * Its name finds it.
 */
public final class ServiceControlPolicy implements ResourceKind {
    public static final ServiceControlPolicy KIND = new ServiceControlPolicy();

    private ServiceControlPolicy() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} with this content, tagged; returns its id. */
    public static String create(Provisioning p, String suffix, String content, String description) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> organizations.createPolicy(r -> r.name(name).type(PolicyType.SERVICE_CONTROL_POLICY)
                .content(content).description(description)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).policy().policySummary().id());
    }

    @Override
    public String type() {
        return "Organizations SCP";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:CreatePolicy", "organizations:TagResource", "organizations:DescribePolicy",
                "organizations:ListTargetsForPolicy", "organizations:DetachPolicy", "organizations:DeletePolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:ListPolicies");
    }

    @Override
    public void delete(Teardown env, String id) {
        OrganizationsClient organizations = env.target().client(OrganizationsClient.class);
        try {
            for (PolicyTargetSummary target : targetsOf(organizations, id)) {
                organizations.detachPolicy(r -> r.policyId(id).targetId(target.targetId()));
            }
            organizations.deletePolicy(r -> r.policyId(id));
        } catch (AwsOrganizationsNotInUseException e) {
            // the organization went first, and its policies with it
        }
    }

    /** Where the policy is attached: roots, OUs and accounts. */
    static List<PolicyTargetSummary> targetsOf(OrganizationsClient organizations, String policyId) {
        return organizations.listTargetsForPolicyPaginator(r -> r.policyId(policyId)).stream()
                .flatMap(page -> page.targets().stream()).toList();
    }

    /** A lab may delete a policy of its own before teardown (one it shows can be deleted). */
    @Override
    public boolean isGone(Target target, String id) {
        try {
            target.client(OrganizationsClient.class).describePolicy(r -> r.policyId(id));
            return false;
        } catch (PolicyNotFoundException | AwsOrganizationsNotInUseException e) {
            return true;
        }
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        try {
            return target.client(OrganizationsClient.class)
                    .listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                    .flatMap(page -> page.policies().stream())
                    .flatMap(p -> runs.runOf(p.name()).map(run -> new Found(run, p.id())).stream())
                    .toList();
        } catch (AwsOrganizationsNotInUseException e) {
            return List.of();
        }
    }
}
