package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;

/**
 * How to delete one type of resource knowing only what a journal or a tag sweep recorded: the
 * type string a lab passed to {@code ctx.create} and the id it recorded (a name, an id or an
 * ARN), without the lab's own delete lambda. Every deleter accepts both the id form labs record
 * and the ARN form the Resource Groups Tagging API returns.
 *
 * <p>A deleter throws {@link io.awslabs.lab.ResourceLedger.ResourceGone} (or lets a NotFound /
 * NoSuch* service error through) when the resource is already gone.
 */
public interface ResourceDeleter {

    /** The type string labs pass to {@code ctx.create}, such as {@code "KMS key"}. */
    String type();

    void delete(Target target, String idOrArn) throws Exception;

    /** Whether a tag sweep's ARN is a resource of this type. */
    default boolean owns(Arn arn) {
        return false;
    }

    /**
     * The id this deleter works with, from either form; two records of the same resource (the
     * journal's id and the sweep's ARN) have the same canonical id.
     */
    default String canonicalId(String idOrArn) {
        return Ids.lastSegment(idOrArn);
    }

    /**
     * Resources of the run found by name, for what the tag sweep cannot see: untaggable types
     * (KMS aliases), types GetResources does not list (IAM roles), and types tagged by a second
     * call after the create (a crash in between leaves them untagged).
     */
    default List<String> findByRunId(Target target, String runId) throws Exception {
        return List.of();
    }

    /** Already deleted or scheduled for deletion, though still listed (a KMS key pending deletion). */
    default boolean isGone(Target target, String idOrArn) throws Exception {
        return false;
    }
}
