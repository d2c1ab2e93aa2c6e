package io.awslabs.targets;

import java.net.URI;
import java.util.Set;

/**
 * Where a bucket's static website answers: the address to connect to and the Host header that
 * names the bucket's website there. On AWS both are the bucket's website host name, which has one
 * of two forms depending on the Region (docs.aws.amazon.com/general/latest/gr/s3.html, "Amazon S3
 * website endpoints"); an emulator serves every bucket's website at its one endpoint and tells
 * them apart by Host, as LocalStack does for {@code <bucket>.s3-website.<domain>}
 * (localstack/services/s3/website_hosting.py, STATIC_WEBSITE_HOST_REGEX).
 */
public record S3WebsiteEndpoint(URI connectTo, String host) {

    /**
     * The Regions whose website endpoint is {@code s3-website-<region>} (a dash): the ones S3 had
     * before 2014. Every later Region uses {@code s3-website.<region>} (a dot).
     */
    static final Set<String> DASH_REGIONS = Set.of("us-east-1", "us-west-1", "us-west-2", "eu-west-1",
            "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "us-gov-west-1");

    /** LocalStack's default domain for the host names it serves (LOCALSTACK_HOST). */
    static final String EMULATOR_DOMAIN = "localhost.localstack.cloud";

    public static S3WebsiteEndpoint onAws(String bucket, String region) {
        String host = bucket + (DASH_REGIONS.contains(region) ? ".s3-website-" : ".s3-website.") + region + ".amazonaws.com";
        return new S3WebsiteEndpoint(URI.create("http://" + host), host);
    }

    public static S3WebsiteEndpoint onEmulator(URI endpoint, String bucket) {
        return new S3WebsiteEndpoint(endpoint, bucket + ".s3-website." + EMULATOR_DOMAIN + ":" + endpoint.getPort());
    }

    /** The URL a browser would show: {@code http://<host>/}. */
    public String url() {
        return "http://" + host + "/";
    }
}
