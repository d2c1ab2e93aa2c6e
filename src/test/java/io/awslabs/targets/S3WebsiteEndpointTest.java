package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3WebsiteEndpointTest {

    @Test
    void regionsS3HadBefore2014UseTheDashFormAndLaterOnesTheDotForm() {
        assertThat(S3WebsiteEndpoint.onAws("site", "us-east-1").url()).isEqualTo("http://site.s3-website-us-east-1.amazonaws.com/");
        assertThat(S3WebsiteEndpoint.onAws("site", "eu-west-1").host()).isEqualTo("site.s3-website-eu-west-1.amazonaws.com");
        assertThat(S3WebsiteEndpoint.onAws("site", "eu-central-1").host()).isEqualTo("site.s3-website.eu-central-1.amazonaws.com");
        assertThat(S3WebsiteEndpoint.onAws("site", "us-east-2").host()).isEqualTo("site.s3-website.us-east-2.amazonaws.com");
        assertThat(S3WebsiteEndpoint.onAws("site", "ap-south-1").connectTo()).isEqualTo(URI.create("http://site.s3-website.ap-south-1.amazonaws.com"));
    }

    @Test
    void anEmulatorIsReachedAtItsEndpointWithTheWebsiteHost() {
        S3WebsiteEndpoint site = S3WebsiteEndpoint.onEmulator(URI.create("http://127.0.0.1:4566"), "site");

        assertThat(site.connectTo()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(site.host()).isEqualTo("site.s3-website.localhost.localstack.cloud:4566");
    }
}
