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
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 Block Public Access turned off for one lab bucket, so that a public-read bucket policy can be
 * put on it; recorded by the bucket's name. Deleting it turns the four settings back on, as S3 sets
 * them on every new bucket since April 2023: the account's own settings are never touched.
 */
public final class S3PublicAccessOpening implements ResourceKind {
    public static final S3PublicAccessOpening KIND = new S3PublicAccessOpening();

    private S3PublicAccessOpening() { }

    /** Turns the bucket's four Block Public Access settings off and records it for teardown. */
    public static void open(Provisioning p, String bucket) throws Exception {
        S3Client s3 = p.client(S3Client.class);
        p.create(KIND, () -> {
            s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(settings(false)));
            return bucket;
        });
    }

    private static PublicAccessBlockConfiguration settings(boolean on) {
        return PublicAccessBlockConfiguration.builder().blockPublicAcls(on).ignorePublicAcls(on)
                .blockPublicPolicy(on).restrictPublicBuckets(on).build();
    }

    @Override
    public String type() {
        return "S3 bucket public access opening";
    }

    @Override
    public List<String> actions() {
        return List.of("s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketPublicAccessBlock");
    }

    @Override
    public void delete(Teardown env, String bucket) throws Exception {
        S3Client s3 = env.target().client(S3Client.class);
        if (!isOpen(s3, bucket)) {
            throw new Gone("gone.publicAccessOpening", bucket);
        }
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(settings(true)));
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
            if (isOpen(s3, bucket.id())) {
                found.add(bucket);
            }
        }
        return found;
    }

    /** A bucket with a Block Public Access configuration of its own that turns a setting off. */
    private static boolean isOpen(S3Client s3, String bucket) {
        try {
            PublicAccessBlockConfiguration c = s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
            return !(Boolean.TRUE.equals(c.blockPublicAcls()) && Boolean.TRUE.equals(c.ignorePublicAcls())
                    && Boolean.TRUE.equals(c.blockPublicPolicy()) && Boolean.TRUE.equals(c.restrictPublicBuckets()));
        } catch (AwsServiceException e) {
            if (Gone.isNotFound(e)) {
                return false;
            }
            throw e;
        }
    }
}
