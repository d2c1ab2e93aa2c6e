package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.SharedLocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalStackCoverageIT {

    @Test
    void aLabNeedingCloudFrontIsSkippedOnLocalStackCommunityWithTheReasonNotFailed() {
        try (Target localstack = SharedLocalStack.target()) {
            RunReport report = LabHarness.run(localstack, new NeedsCloudFront());
            LabReport lab = report.labs().get(0);

            assertThat(lab.status()).isEqualTo(Status.SKIPPED);
            assertThat(lab.skipReason()).contains("LocalStack 4.14.0 does not serve cloudfront");
            assertThat(lab.assertions()).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo(Status.SKIPPED);
                assertThat(a.reason()).contains("cloudfront");
            });
            assertThat(report.totals().fail() + report.totals().error()).isZero();
        }
    }

    @Test
    void theServicesTheLabsUseAreServedByLocalStackCommunity() {
        assertThat(SharedLocalStack.running().health().services())
                .contains("s3", "kms", "acm", "ssm", "ec2", "iam", "sts", "route53")
                .doesNotContain("cloudfront");
    }

    @Test
    void presignedUrlsAreCheckedForSignatureAndExpiryUnlikeOnMoto() throws Exception {
        String bucket = "labs-presign-" + io.awslabs.lab.RunIds.next();
        try (Target localstack = SharedLocalStack.target()) {
            S3Client s3 = localstack.client(S3Client.class);
            s3.createBucket(r -> r.bucket(bucket));
            try {
                s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("hello"));
                String fresh = presignedGet(localstack, bucket, Duration.ofMinutes(5));
                String shortLived = presignedGet(localstack, bucket, Duration.ofSeconds(1));

                assertThat(statusOf(fresh)).as("fresh URL").isEqualTo(200);
                assertThat(statusOf(fresh.replace("X-Amz-Signature=", "X-Amz-Signature=0"))).as("tampered signature")
                        .isEqualTo(403);
                Thread.sleep(2500);
                assertThat(statusOf(shortLived)).as("expired URL").isEqualTo(403);
            } finally {
                s3.deleteObject(r -> r.bucket(bucket).key("k"));
                s3.deleteBucket(r -> r.bucket(bucket));
            }
        }
    }

    private static String presignedGet(Target target, String bucket, Duration validFor) {
        return target.s3Presigner().presignGetObject(r -> r.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key("k"))).url().toString();
    }

    private static int statusOf(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Fails loudly if it ever ran: the target must refuse it before provisioning. */
    private static final class NeedsCloudFront implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("needs-cloudfront", "Needs CloudFront").services("s3", "cloudfront")
                    .asserts("served", "A distribution serves the bucket");
        }

        @Override
        public void provision(LabContext ctx) {
            throw new AssertionError("provisioned on a target that lacks CloudFront");
        }

        @Override
        public void verify(LabContext ctx, Checks check) {
            throw new AssertionError("verified on a target that lacks CloudFront");
        }
    }
}
