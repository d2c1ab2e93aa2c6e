package io.awslabs.resources.organizations;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * An organization a lab created, whose management account is the caller's: recorded by its id.
 * It has no name and takes no tags, so its root is tagged with the run's tags right after
 * creation; a sweep deletes an organization only when its root carries a run id. AWS deletes an
 * organization only when no member account is left in it, which is why a lab moves accounts
 * rather than creating them: an account created in an organization can only leave it once
 * someone signs in to it, and closing it is not a lab's to do.
 */
public final class Organization implements ResourceKind {
    public static final Organization KIND = new Organization();

    /** The organization and its root. */
    public record Handle(String id, String rootId) { }

    private Organization() { }

    /** Creates an organization with all features (SCPs need them) and tags its root with the run. */
    public static Handle create(Provisioning p) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        String id = p.create(KIND, () -> organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL))
                .organization().id());
        Root root = OrganizationTree.root(organizations).orElseThrow(() ->
                new IllegalStateException("organization " + id + " was created but lists no root"));
        organizations.tagResource(r -> r.resourceId(root.id()).tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build())));
        return new Handle(id, root.id());
    }

    @Override
    public String type() {
        return "Organizations organization";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:CreateOrganization", "organizations:TagResource",
                "organizations:DescribeOrganization", "organizations:DeleteOrganization");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:DescribeOrganization", "organizations:ListRoots",
                "organizations:ListTagsForResource");
    }

    @Override
    public void delete(Teardown env, String id) throws Gone {
        OrganizationsClient organizations = env.target().client(OrganizationsClient.class);
        String current;
        try {
            current = organizations.describeOrganization().organization().id();
        } catch (AwsOrganizationsNotInUseException e) {
            throw new Gone("gone.noOrganization");
        }
        if (!current.equals(id)) {
            throw new Gone("gone.organization", id, current);
        }
        organizations.deleteOrganization();
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        OrganizationsClient organizations = target.client(OrganizationsClient.class);
        Optional<Root> root = OrganizationTree.root(organizations);
        if (root.isEmpty()) {
            return List.of();
        }
        Optional<String> run = OrganizationTree.runOf(organizations, root.get()).filter(runs::includes);
        if (run.isEmpty()) {
            return List.of();
        }
        return List.of(new Found(run.get(), organizations.describeOrganization().organization().id()));
    }
}
