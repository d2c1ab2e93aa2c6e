package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * S3 refuses to delete a bucket that holds anything, versions and delete markers included:
 * empty it first, a page (at most 1,000 keys, DeleteObjects' limit) at a time.
 */
final class S3BucketDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "S3 bucket";
    }

    @Override
    public void delete(Target target, String idOrArn) throws Exception {
        S3Client s3 = target.client(S3Client.class);
        String bucket = canonicalId(idOrArn);
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            page.versions().forEach(v -> batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            if (!batch.isEmpty()) {
                s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            }
        }
        s3.deleteBucket(r -> r.bucket(bucket));
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
