package io.awslabs.target;

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
import org.junit.jupiter.api.Test;

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
