package io.awslabs.resources;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;

/**
 * One type of AWS resource a lab can create: how to delete it knowing only the id a ledger or a
 * journal recorded, how to tell that it is already gone, which ARNs of the tagging API are its
 * own, and how to find a run's resources of this type by listing them. A lab's teardown and
 * {@code labs cleanup} delete through the same kind, so a resource a lab can create is a
 * resource cleanup can delete.
 *
 * <p>{@link #delete} throws {@link Gone} (or lets a NotFound / NoSuch* service error through)
 * when there was nothing left to delete.
 */
public interface ResourceKind {

    /** The name the ledger, the journal and the report use, such as {@code "KMS key"}. */
    String type();

    /**
     * The IAM actions ({@code service:Action}) that creating, tagging, waiting on, deleting and
     * checking a resource of this kind call: a lab that provisions the kind needs them all, and
     * {@code labs policy} grants them. Tagging at creation counts: AWS authorizes the tags of a
     * create call as the service's tagging action (ec2:CreateTags, iam:TagRole, kms:TagResource).
     */
    List<String> actions();

    /** The IAM actions {@link #find} calls: what {@code labs cleanup} needs to search for this kind by name. */
    default List<String> sweepActions() {
        return List.of();
    }

    /** Deletes the resource with this recorded id (or the tagging API's ARN of it). */
    void delete(Teardown env, String idOrArn) throws Exception;

    /** Whether a tag sweep's ARN is a resource of this kind. */
    default boolean owns(Arn arn) {
        return false;
    }

    /**
     * The id this kind works with, from either form; the journal's id and the sweep's ARN of one
     * resource have the same canonical id.
     */
    default String canonicalId(String idOrArn) {
        return Ids.lastSegment(idOrArn);
    }

    /**
     * Resources of the matched runs found by listing, for what the tag sweep cannot see:
     * untaggable kinds (KMS aliases, origin access controls), kinds the tagging API does not list
     * (IAM), kinds tagged by a second call after the create (a crash in between leaves them
     * untagged) and relations (a policy attached to a run's role).
     */
    default List<Found> find(Target target, RunMatcher runs) throws Exception {
        return List.of();
    }

    /** Already deleted or on its way, though still listed (a KMS key pending deletion, a terminated instance). */
    default boolean isGone(Target target, String idOrArn) throws Exception {
        return false;
    }

    /** A resource found by {@link #find}: the run it belongs to and its id. */
    record Found(String runId, String id) { }
}
