package io.awslabs.labs.cloudfront;

import io.awslabs.lab.LabContext;
import io.awslabs.targets.Target;
import java.net.URI;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The private bucket behind the distributions: Block Public Access fully on, tagged with the
 * run, holding one page. Teardown empties it before deleting it, since S3 deletes only empty
 * buckets.
 */
final class OriginBucket {
    private static final String US_EAST_1 = "us-east-1";

    private final String name;
    private final String key;
    private final String region;

    private OriginBucket(String name, String key, String region) {
        this.name = name;
        this.key = key;
        this.region = region;
    }

    static OriginBucket create(LabContext ctx, String key, String html) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String region = ctx.target().region();
        String name = ctx.create("S3 bucket",
                () -> {
                    String bucket = ctx.name("origin");
                    // us-east-1 is the one region that refuses an explicit LocationConstraint.
                    s3.createBucket(r -> {
                        r.bucket(bucket);
                        if (!US_EAST_1.equals(region)) {
                            r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                        }
                    });
                    return bucket;
                },
                bucket -> emptyAndDelete(s3, bucket));
        s3.putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build()))));
        s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        s3.putObject(r -> r.bucket(name).key(key).contentType("text/html; charset=utf-8"), RequestBody.fromString(html));
        return new OriginBucket(name, key, region);
    }

    String name() { return name; }
    String key() { return key; }

    /** What CloudFront's S3 origin names: the bucket's regional domain, not the legacy global one. */
    String regionalDomainName() {
        return name + ".s3." + region + ".amazonaws.com";
    }

    String objectsArn() {
        return "arn:aws:s3:::" + name + "/*";
    }

    /** The object's plain S3 URL: path-style on an emulator's single endpoint, virtual-hosted on AWS. */
    URI directUrl(Target target) {
        return target.endpoint()
                .map(endpoint -> URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + name + "/" + key))
                .orElseGet(() -> URI.create("https://" + regionalDomainName() + "/" + key));
    }

    private static void emptyAndDelete(S3Client s3, String bucket) {
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            s3.deleteObject(r -> r.bucket(bucket).key(object.key()));
        }
        s3.deleteBucket(r -> r.bucket(bucket));
    }
}
