package io.awslabs.labs.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.VerifyThrows;
import io.awslabs.testing.SharedMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudFrontPrivateOriginIT {
    private Target moto;

    @BeforeEach
    void openTarget() {
        moto = SharedMoto.target();
    }

    @AfterEach
    void closeTarget() {
        moto.close();
    }

    @Test
    void oacPathIsProvenOnMotoWhileOaiAndMotoGapsAreSkippedWithTheirReasons() {
        RunReport report = LabHarness.runAndRecord(moto, new CloudFrontPrivateOriginLab());
        LabReport lab = report.labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a).hasSize(7);
        assertThat(List.of("policy-grants-cloudfront-only", "block-public-access-all-on", "oac-policy-scoped-to-distribution"))
                .allSatisfy(id -> assertThat(a.get(id).status()).as(id + ": " + a.get(id).reason() + " " + a.get(id).actual())
                        .isEqualTo(Status.PASS));
        assertThat(a.get("oai-origin-references-oai").status()).isEqualTo(Status.SKIPPED);
        assertThat(a.get("oai-origin-references-oai").reason()).contains("known moto gap").contains("404");
        assertThat(a.get("anonymous-s3-get-denied").status()).isEqualTo(Status.SKIPPED);
        assertThat(a.get("anonymous-s3-get-denied").reason()).contains("known moto gap").contains("403").contains("200");
        assertThat(a.get("oac-origin-uses-oac").status()).isEqualTo(Status.SKIPPED);
        assertThat(a.get("oac-origin-uses-oac").reason()).contains("known moto gap").contains("OriginAccessControlId");
        assertThat(a.get("get-through-distribution").status()).isEqualTo(Status.SKIPPED);
        assertThat(a.get("get-through-distribution").reason()).contains("real AWS only");
        assertThat(lab.status()).isEqualTo(Status.PASS);
        assertThat(lab.notes()).anyMatch(n -> n.contains("No OAI variant on this target"));
    }

    @Test
    void localStackCommunityHasNoCloudFrontSoTheWholeLabIsSkippedWithTheReasonAndNothingIsCreated() throws Exception {
        try (Target localstack = Emulator.LOCALSTACK.target()) {
            RunReport report = LabHarness.runAndRecord(localstack, new CloudFrontPrivateOriginLab());
            LabReport lab = report.labs().get(0);

            assertThat(lab.status()).isEqualTo(Status.SKIPPED);
            assertThat(lab.assertions()).hasSize(7).allSatisfy(r -> {
                assertThat(r.status()).as(r.id()).isEqualTo(Status.SKIPPED);
                assertThat(r.reason()).as(r.id()).contains("does not serve cloudfront", "community edition");
            });
            assertThat(report.totals()).as("nothing fails, errors or is kept, so the exit code is 0")
                    .extracting(t -> t.fail() + t.error() + t.teardownFailed() + t.kept()).isEqualTo(0);
            assertThat(lab.teardown()).as("nothing was provisioned").isEmpty();
            assertThat(Emulator.LOCALSTACK.liveResourcesOf(report.runId())).isEmpty();
        }
    }

    @Test
    void policyNamesOnlyTheCloudFrontServicePrincipalScopedToTheOacDistribution() {
        RunReport report = LabHarness.run(moto, new CloudFrontPrivateOriginLab());
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(report.labs().get(0));

        assertThat(a.get("policy-grants-cloudfront-only").actual())
                .contains("[Service cloudfront.amazonaws.com]").contains("IsPublic (S3's own verdict): false");
        assertThat(a.get("oac-policy-scoped-to-distribution").actual())
                .contains("arn:aws:cloudfront::123456789012:distribution/");
        assertThat(a.get("anonymous-s3-get-denied").evidence()).containsKey("s3:HeadObject(signed).requestId");
    }

    @Test
    void waitingForDeploymentIsStillRealAwsOnly() {
        RunReport report = LabHarness.run(moto, Map.of(CloudFrontPrivateOriginLab.WAIT_DEPLOYED, "true"),
                new CloudFrontPrivateOriginLab());

        AssertionRecord viaCloudFront = LabHarness.assertionsOf(report.labs().get(0)).get("get-through-distribution");
        assertThat(viaCloudFront.status()).isEqualTo(Status.SKIPPED);
        assertThat(viaCloudFront.reason()).contains("real AWS only");
    }

    @Test
    void teardownDisablesAndDeletesEverythingSoNothingOfTheRunIsLive() throws Exception {
        RunReport report = LabHarness.run(moto, new CloudFrontPrivateOriginLab());
        LabReport lab = report.labs().get(0);

        assertThat(SharedMoto.state().mentioning(report.runId())).as("the lab created resources").isNotEmpty();
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsExactly("CloudFront distribution",
                "CloudFront origin access control", "S3 bucket policy", "S3 bucket");
        assertThat(lab.teardown()).extracting(TeardownRecord::outcome).containsOnly(TeardownRecord.Outcome.DELETED);
    }

    @Test
    void keptResourcesAreSeenAsLiveSoTheLeftoverProbeCanFail() throws Exception {
        RunReport report = new LabRunner(moto, new RunOptions(true, Duration.ofHours(1), Map.of(), 0),
                Progress.SILENT, RunIds.next(), "test").run(List.of(new CloudFrontPrivateOriginLab()));
        try {
            assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                    .containsOnly(TeardownRecord.Outcome.KEPT);
            assertThat(SharedMoto.state().liveResourcesOf(report.runId()))
                    .anyMatch(r -> r.startsWith("cloudfront distribution"))
                    .anyMatch(r -> r.startsWith("cloudfront origin access control"))
                    .anyMatch(r -> r.startsWith("s3 bucket labs-cloudfront-private-origin-" + report.runId()));
        } finally {
            removeKept(report.runId());
        }
    }

    @Test
    void teardownStillRunsWhenVerifyThrows() throws Exception {
        RunReport report = LabHarness.run(moto, new VerifyThrows(new CloudFrontPrivateOriginLab()));
        LabReport lab = report.labs().get(0);

        assertThat(lab.status()).isEqualTo(Status.ERROR);
        assertThat(lab.notes().get(0)).contains("verify blew up");
        assertThat(lab.teardown()).hasSize(4);
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
    }

    /** What --keep left behind, removed through the emulator's own APIs so later tests start clean. */
    private void removeKept(String runId) {
        var cloudFront = moto.client(software.amazon.awssdk.services.cloudfront.CloudFrontClient.class);
        var s3 = moto.client(software.amazon.awssdk.services.s3.S3Client.class);
        cloudFront.listDistributions(r -> { }).distributionList().items().stream()
                .filter(d -> d.comment().contains(runId))
                .forEach(d -> cloudFront.deleteDistribution(r -> r.id(d.id()).ifMatch("kept")));
        cloudFront.listOriginAccessControls(r -> { }).originAccessControlList().items().stream()
                .filter(o -> o.name().contains(runId))
                .forEach(o -> cloudFront.deleteOriginAccessControl(r -> r.id(o.id()).ifMatch("kept")));
        s3.listBuckets().buckets().stream().filter(b -> b.name().contains(runId)).forEach(b -> {
            s3.listObjectsV2(r -> r.bucket(b.name())).contents()
                    .forEach(o -> s3.deleteObject(r -> r.bucket(b.name()).key(o.key())));
            s3.deleteBucket(r -> r.bucket(b.name()));
        });
    }
}
