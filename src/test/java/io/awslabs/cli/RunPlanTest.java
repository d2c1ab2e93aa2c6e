package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.labs.cloudfront.CloudFrontPrivateOriginLab;
import io.awslabs.labs.kms.KmsEnvelopeEncryptionLab;
import io.awslabs.targets.AwsTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final AwsTarget.CallerIdentity WHO = new AwsTarget.CallerIdentity("123456789012",
            "arn:aws:sts::123456789012:assumed-role/Sandbox/alice", List.of("acme-sandbox"));

    private record DistributionLab() implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("cdn-demo", "CDN demo").services("CloudFront", "s3")
                    .costPerRunUsd(0.02, "requests").creates("a CloudFront distribution", "an S3 bucket");
        }

        @Override public void provision(LabContext ctx) { }
        @Override public void verify(LabContext ctx, Checks check) { }
    }

    private record PlainLab() implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("plain", "Plain").services("s3").creates("an S3 bucket");
        }

        @Override public void provision(LabContext ctx) { }
        @Override public void verify(LabContext ctx, Checks check) { }
    }

    @Test
    void thePlanAddsUpTheCostAndNamesWhatOutlivesTheRunAndWhatIsSlow() {
        String plan = RunPlan.render("abc12345", WHO, "allow-listed by --account", "eu-west-1",
                List.of(new KmsEnvelopeEncryptionLab(), new DistributionLab()), Path.of("/state/journals/abc12345.jsonl"));

        assertThat(plan).contains(
                "Plan for run abc12345 on AWS",
                "account   123456789012 (alias acme-sandbox), allow-listed by --account",
                "as        arn:aws:sts::123456789012:assumed-role/Sandbox/alice",
                "region    eu-west-1",
                "journal   /state/journals/abc12345.jsonl",
                "cdn-demo (about $0.02: requests)",
                "    creates a CloudFront distribution\n            an S3 bucket",
                "estimated cost of this run: about $0.03",
                "cannot be deleted at once:\n    - KMS keys cannot be deleted at once",
                "slow:\n    - CloudFront distributions are slow",
                "tagged labs:run-id=abc12345");
    }

    @Test
    void thePlanSaysThatRequestsThroughANewDistributionWaitMinutesAndHowToLeaveThemOut() {
        String plan = RunPlan.render("abc12345", WHO, "allow-listed by --account", "eu-west-1",
                List.of(new CloudFrontPrivateOriginLab()), Path.of("j"));

        assertThat(plan).contains("waits minutes until it is Deployed", "--option wait-deployed=false");
    }

    @Test
    void aPlanWithNothingLastingOrSlowSaysSo() {
        String plan = RunPlan.render("abc12345", WHO, "allow-listed by --account", "eu-west-1",
                List.of(new PlainLab()), Path.of("j"));

        assertThat(plan).contains("cannot be deleted at once: nothing", "slow: nothing");
    }
}
