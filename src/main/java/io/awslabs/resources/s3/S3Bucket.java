package io.awslabs.resources.s3;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * A lab bucket. A bucket can only be deleted once it is empty of every object version and
 * delete marker, so deleting it removes those first. It is tagged by a second call after
 * CreateBucket, so a run cut short in between leaves it untagged: its name finds it.
 */
public final class S3Bucket implements ResourceKind {
    public static final S3Bucket KIND = new S3Bucket();
    /** S3 general purpose bucket names: 3-63 lowercase letters, digits, dots and hyphens. */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final int MAX_EMPTYING_ROUNDS = 100;

    private S3Bucket() { }

    /** Creates {@code labs-<lab>-<runid>-<purpose>}, tagged with the run's tags; returns its name. */
    public static String create(Provisioning p, String purpose) throws Exception {
        S3Client s3 = p.client(S3Client.class);
        String region = p.target().region();
        String name = p.create(KIND, () -> {
            String bucket = requireValidName(p.name(purpose));
            s3.createBucket(r -> {
                r.bucket(bucket);
                // us-east-1 is the one region that rejects a LocationConstraint naming itself
                if (!"us-east-1".equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            return bucket;
        });
        s3.putBucketTagging(r -> r.bucket(name)
                .tagging(t -> t.tagSet(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))));
        return name;
    }

    static String requireValidName(String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid S3 bucket name (3-63 lowercase letters, digits, '.', '-'): " + name);
        }
        return name;
    }

    @Override
    public String type() {
        return "S3 bucket";
    }

    @Override
    public List<String> actions() {
        return List.of("s3:CreateBucket", "s3:PutBucketTagging", "s3:ListBucketVersions", "s3:DeleteObject",
                "s3:DeleteObjectVersion", "s3:DeleteBucket");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("s3:ListAllMyBuckets");
    }

    /** Deletes every object version and delete marker, then the bucket. */
    @Override
    public void delete(Teardown env, String idOrArn) {
        emptyAndDelete(env.target().client(S3Client.class), canonicalId(idOrArn));
    }

    static void emptyAndDelete(S3Client s3, String bucket) {
        for (int round = 0; round < MAX_EMPTYING_ROUNDS; round++) {
            ListObjectVersionsResponse page = s3.listObjectVersions(r -> r.bucket(bucket));
            List<ObjectIdentifier> doomed = new ArrayList<>();
            page.versions().forEach(v -> doomed.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> doomed.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            if (doomed.isEmpty()) {
                s3.deleteBucket(r -> r.bucket(bucket));
                return;
            }
            DeleteObjectsResponse deleted = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(doomed).quiet(true)));
            if (!deleted.errors().isEmpty()) {
                var first = deleted.errors().get(0);
                throw new IllegalStateException(deleted.errors().size() + " object versions of " + bucket
                        + " could not be deleted, first: " + first.key() + " " + first.code());
            }
        }
        throw new IllegalStateException(bucket + " still not empty after " + MAX_EMPTYING_ROUNDS + " rounds of deletion");
    }

    /** An S3 bucket ARN has no resource type: {@code arn:aws:s3:::name}; objects have a slash. */
    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("s3") && !arn.resourceAsString().contains("/");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn.startsWith("arn:") ? Arn.fromString(idOrArn).resourceAsString() : idOrArn;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(S3Client.class).listBuckets().buckets().stream()
                .flatMap(b -> runs.runOf(b.name()).map(run -> new Found(run, b.name())).stream())
                .toList();
    }
}
