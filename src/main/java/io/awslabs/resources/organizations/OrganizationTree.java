package io.awslabs.resources.organizations;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * What the organization kinds read of the caller's organization: its root, and whether the lab's
 * run tagged that root (the organization itself takes no tags, its root does), which is how a
 * sweep knows an organization is a lab's to delete.
 */
final class OrganizationTree {
    static final String RUN_ID_TAG = "labs:run-id";

    private OrganizationTree() { }

    /** The organization's root, or empty when the caller is in no organization (any more). */
    static Optional<Root> root(OrganizationsClient organizations) {
        try {
            List<Root> roots = organizations.listRoots().roots();
            return roots.stream().findFirst();
        } catch (AwsOrganizationsNotInUseException e) {
            return Optional.empty();
        }
    }

    /** The run id the root is tagged with, if a lab run created this organization. */
    static Optional<String> runOf(OrganizationsClient organizations, Root root) {
        return organizations.listTagsForResourcePaginator(r -> r.resourceId(root.id())).stream()
                .flatMap(page -> page.tags().stream())
                .filter(t -> t.key().equals(RUN_ID_TAG)).map(Tag::value).findFirst();
    }
}
