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
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * An existing account the lab moved from one parent to another. Undoing it moves the account
 * back, and nothing else: the account itself is never the lab's to delete. A sweep, which cannot
 * know where an account came from, finds the accounts in a run's OUs and moves them to the root.
 */
public final class AccountMove implements ResourceKind {
    public static final AccountMove KIND = new AccountMove();

    /** Which account went from which parent to which. */
    public record Moved(String accountId, String fromParentId, String toParentId) { }

    private AccountMove() { }

    public static Moved move(Provisioning p, String accountId, String fromParentId, String toParentId) throws Exception {
        OrganizationsClient organizations = p.client(OrganizationsClient.class);
        return p.create(KIND, () -> {
            organizations.moveAccount(r -> r.accountId(accountId).sourceParentId(fromParentId).destinationParentId(toParentId));
            return new Moved(accountId, fromParentId, toParentId);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "Organizations account move";
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:MoveAccount", "organizations:ListParents");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
                "organizations:ListAccountsForParent");
    }

    @Override
    public void delete(Teardown env, String id) throws Gone {
        Moved m = Relation.parse(id, Moved.class);
        OrganizationsClient organizations = env.target().client(OrganizationsClient.class);
        String parent;
        try {
            parent = organizations.listParents(r -> r.childId(m.accountId())).parents().get(0).id();
        } catch (AwsOrganizationsNotInUseException e) {
            throw new Gone("gone.accountAlone");
        }
        if (!parent.equals(m.toParentId())) {
            throw new Gone("gone.accountMoved", m.accountId(), m.toParentId(), parent);
        }
        organizations.moveAccount(r -> r.accountId(m.accountId()).sourceParentId(m.toParentId())
                .destinationParentId(m.fromParentId()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        OrganizationsClient organizations = target.client(OrganizationsClient.class);
        Optional<Root> root = OrganizationTree.root(organizations);
        List<Found> found = new ArrayList<>();
        for (Found ou : OrganizationalUnit.KIND.find(target, runs)) {
            for (Account account : organizations.listAccountsForParentPaginator(r -> r.parentId(ou.id())).stream()
                    .flatMap(page -> page.accounts().stream()).toList()) {
                found.add(new Found(ou.runId(), Relation.idOf(new Moved(account.id(), root.orElseThrow().id(), ou.id()))));
            }
        }
        return found;
    }
}
