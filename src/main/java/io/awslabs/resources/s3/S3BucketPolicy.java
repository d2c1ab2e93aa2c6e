package io.awslabs.resources.s3;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/** The policy of a lab bucket, recorded by the bucket's name; deleting the bucket takes it along. */
public final class S3BucketPolicy implements ResourceKind {
    public static final S3BucketPolicy KIND = new S3BucketPolicy();

    private S3BucketPolicy() { }

    /**
     * Records the bucket's policy for teardown before it is written. A lab that puts the policy
     * later (once the principals it names exist) so has it removed only after everything created
     * in between, which may rely on it.
     */
    public static void reserve(Provisioning p, String bucket) throws Exception {
        p.create(KIND, () -> bucket);
    }

    /** Writes the policy and records it for teardown. */
    public static void put(Provisioning p, String bucket, String policy) throws Exception {
        S3Client s3 = p.client(S3Client.class);
        p.create(KIND, () -> {
            s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy));
            return bucket;
        });
    }

    @Override
    public String type() {
        return "S3 bucket policy";
    }

    @Override
    public List<String> actions() {
        return List.of("s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketPolicy");
    }

    @Override
    public void delete(Teardown env, String bucket) throws Exception {
        S3Client s3 = env.target().client(S3Client.class);
        if (!hasPolicy(s3, bucket)) {
            throw new Gone("gone.bucketPolicy", bucket);
        }
        s3.deleteBucketPolicy(r -> r.bucket(bucket));
    }

    @Override
    public String canonicalId(String bucket) {
        return bucket;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        S3Client s3 = target.client(S3Client.class);
        List<Found> found = new ArrayList<>();
        for (Found bucket : S3Bucket.KIND.find(target, runs)) {
            if (hasPolicy(s3, bucket.id())) {
                found.add(bucket);
            }
        }
        return found;
    }

    /** NoSuchBucketPolicy (and NoSuchBucket) mean there is none. */
    private static boolean hasPolicy(S3Client s3, String bucket) {
        try {
            s3.getBucketPolicy(r -> r.bucket(bucket));
            return true;
        } catch (AwsServiceException e) {
            if (Gone.isNotFound(e)) {
                return false;
            }
            throw e;
        }
    }
}
