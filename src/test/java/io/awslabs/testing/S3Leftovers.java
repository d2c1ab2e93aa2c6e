package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** Buckets whose name carries the run id, and every object version and delete marker left in them. */
final class S3Leftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        S3Client s3 = target.client(S3Client.class);
        List<String> live = new ArrayList<>();
        for (Bucket bucket : s3.listBuckets().buckets()) {
            if (!bucket.name().contains(runId)) {
                continue;
            }
            live.add("s3 bucket " + bucket.name());
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket.name()))) {
                page.versions().forEach(v -> live.add("s3 object version " + bucket.name() + "/" + v.key() + " " + v.versionId()));
                page.deleteMarkers().forEach(m -> live.add("s3 delete marker " + bucket.name() + "/" + m.key() + " " + m.versionId()));
            }
        }
        return live;
    }
}
