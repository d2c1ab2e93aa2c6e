package io.awslabs.cleanup;

import io.awslabs.labs.s3.S3Buckets;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** Empties a bucket of every version and delete marker, then deletes it, as lab teardown does. */
final class S3BucketDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "S3 bucket";
    }

    @Override
    public void delete(Target target, String idOrArn) {
        S3Buckets.emptyAndDelete(target.client(S3Client.class), canonicalId(idOrArn));
    }

    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("s3") && arn.resource().resourceType().isEmpty() && !arn.resourceAsString().contains("/");
    }

    /** Bucket names carry the run id, and bucket tags are set by a second call after CreateBucket. */
    @Override
    public List<String> findByRunId(Target target, String runId) {
        return target.client(S3Client.class).listBuckets().buckets().stream().map(Bucket::name)
                .filter(name -> name.contains(runId)).toList();
    }
}
