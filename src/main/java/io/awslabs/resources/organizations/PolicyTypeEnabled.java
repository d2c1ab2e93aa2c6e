package io.awslabs.resources.organizations;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * A policy type (service control policies) a lab enabled on a root. Disabling it detaches every
 * policy of the type in the organization, so a lab records it only when it did the enabling, and
 * a sweep finds it only on the root of an organization a run created.
 */
public final class PolicyTypeEnabled implements ResourceKind {
    public static final PolicyTypeEnabled KIND = new PolicyTypeEnabled();

    /** Which policy type on which root. */
    public record Enabled(String rootId, String policyType) { }

    private PolicyTypeEnabled() { }

    public static Enabled enable(Provisioning p, String rootId, PolicyType type) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        return p.create(KIND, () -> {
            organizations.enablePolicyType(r -> r.rootId(rootId).policyType(type));
            return new Enabled(rootId, type.toString());
        }, Relation::idOf);
    }

    /** Whether the type is enabled on the root, as ListRoots says. */
    public static boolean isEnabled(Root root, PolicyType type) {
        return root.policyTypes().stream().anyMatch(t -> t.type() == type && t.status() == PolicyTypeStatus.ENABLED);
    }

    @Override
    public String type() {
        return "Organizations policy type";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:EnablePolicyType", "organizations:DisablePolicyType");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:ListRoots", "organizations:ListTagsForResource");
    }

    @Override
    public void delete(Teardown env, String id) throws Gone {
        Enabled e = Relation.parse(id, Enabled.class);
        try {
            env.target().client(OrganizationsClient.class).disablePolicyType(r -> r.rootId(e.rootId()).policyType(e.policyType()));
        } catch (PolicyTypeNotEnabledException | AwsOrganizationsNotInUseException gone) {
            throw new Gone("gone.policyType", e.policyType(), e.rootId());
        }
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        OrganizationsClient organizations = target.client(OrganizationsClient.class);
        Optional<Root> root = OrganizationTree.root(organizations);
        if (root.isEmpty() || !isEnabled(root.get(), PolicyType.SERVICE_CONTROL_POLICY)) {
            return List.of();
        }
        return OrganizationTree.runOf(organizations, root.get()).filter(runs::includes)
                .map(run -> List.of(new Found(run, Relation.idOf(new Enabled(root.get().id(),
                        PolicyType.SERVICE_CONTROL_POLICY.toString())))))
                .orElse(List.of());
    }
}
