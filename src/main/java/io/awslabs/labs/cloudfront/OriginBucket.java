package io.awslabs.labs.cloudfront;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.targets.Target;
import java.net.URI;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The private bucket behind the distributions: a lab bucket ({@link S3Bucket}: tagged, emptied
 * and deleted at teardown) with Block Public Access fully on, holding one page. The settings S3
 * gave the new bucket are read before the lab sets them.
 */
final class OriginBucket {
    private final String name;
    private final String key;
    private final String region;
    private final PublicAccessAsCreated publicAccessAsCreated;

    private OriginBucket(String name, String key, String region, PublicAccessAsCreated publicAccessAsCreated) {
        this.name = name;
        this.key = key;
        this.region = region;
        this.publicAccessAsCreated = publicAccessAsCreated;
    }

    static OriginBucket create(LabContext ctx, String key, String html) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String region = ctx.target().region();
        String name = S3Bucket.create(ctx, "origin");
        PublicAccessAsCreated asCreated = PublicAccessAsCreated.read(s3, name);
        // Set anyway: explicit settings do not depend on when or where the bucket was created.
        s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        s3.putObject(r -> r.bucket(name).key(key).contentType("text/html; charset=utf-8"), RequestBody.fromString(html));
        return new OriginBucket(name, key, region, asCreated);
    }

    String name() { return name; }
    String key() { return key; }
    PublicAccessAsCreated publicAccessAsCreated() { return publicAccessAsCreated; }

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
}
