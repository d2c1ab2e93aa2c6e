package io.awslabs.labs.s3;

import io.awslabs.lab.LabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Creating and removing lab buckets, shared by every S3 lab. A bucket can only be deleted
 * once it is empty of every object version and delete marker, so teardown removes those first.
 */
public final class S3Buckets {
    /** S3 general purpose bucket names: 3-63 lowercase letters, digits, dots and hyphens. */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final int MAX_EMPTYING_ROUNDS = 100;

    private S3Buckets() { }

    /** Creates {@code labs-<lab>-<runid>-<purpose>}, tagged, registered for emptying and deletion. */
    public static String create(LabContext ctx, String purpose) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String name = requireValidName(ctx.name(purpose));
        ctx.create("S3 bucket",
                () -> {
                    s3.createBucket(r -> {
                        r.bucket(name);
                        // us-east-1 is the one region that rejects a LocationConstraint naming itself
                        if (!"us-east-1".equals(ctx.target().region())) {
                            r.createBucketConfiguration(c -> c.locationConstraint(ctx.target().region()));
                        }
                    });
                    return name;
                },
                bucket -> emptyAndDelete(s3, bucket));
        s3.putBucketTagging(r -> r.bucket(name)
                .tagging(t -> t.tagSet(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build()))));
        return name;
    }

    static String requireValidName(String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid S3 bucket name (3-63 lowercase letters, digits, '.', '-'): " + name);
        }
        return name;
    }

    /** Deletes every object version and delete marker, then the bucket. */
    public static void emptyAndDelete(S3Client s3, String bucket) {
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
}
