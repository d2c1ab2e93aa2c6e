package io.awslabs.resources.organizations;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * An organizational unit under the root, recorded by its id. AWS deletes an OU only when no
 * account or OU is left in it, so the accounts moved into it are moved back first (their moves
 * are newer in the ledger). Its name finds it.
 */
public final class OrganizationalUnit implements ResourceKind {
    public static final OrganizationalUnit KIND = new OrganizationalUnit();

    private OrganizationalUnit() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} under the parent, tagged; returns its id. */
    public static String create(Provisioning p, String parentId, String suffix) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> organizations.createOrganizationalUnit(r -> r.parentId(parentId).name(name)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).organizationalUnit().id());
    }

    @Override
    public String type() {
        return "Organizations OU";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:CreateOrganizationalUnit", "organizations:TagResource",
                "organizations:DeleteOrganizationalUnit");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent");
    }

    @Override
    public void delete(Teardown env, String id) {
        try {
            env.target().client(OrganizationsClient.class).deleteOrganizationalUnit(r -> r.organizationalUnitId(id));
        } catch (AwsOrganizationsNotInUseException e) {
            // the organization went first, and every OU with it
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
        if (root.isEmpty()) {
            return List.of();
        }
        return organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(root.get().id())).stream()
                .flatMap(page -> page.organizationalUnits().stream())
                .flatMap(ou -> runs.runOf(ou.name()).map(run -> new Found(run, ou.id())).stream())
                .toList();
    }
}
