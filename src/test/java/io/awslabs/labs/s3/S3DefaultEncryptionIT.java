package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class S3DefaultEncryptionIT {
    private static final List<String> PROVEN_ON_MOTO = List.of("default-encryption-is-sse-kms",
            "headerless-upload-uses-lab-key", "authorised-read-is-transparent", "explicit-aes256-overrides-default");

    private static RunReport onMoto;
    private static RunReport onLocalStack;

    /** One run of the lab serves every test that only reads its report. */
    private static synchronized RunReport runOnMoto() {
        if (onMoto == null) {
            try (Target moto = SharedMoto.target()) {
                onMoto = LabHarness.runAndRecord(moto, new S3DefaultEncryptionLab());
            }
        }
        return onMoto;
    }

    /** Likewise on LocalStack, where the policy assertion alone takes its full 30 s wait. */
    private static synchronized RunReport runOnLocalStack() {
        if (onLocalStack == null) {
            try (Target localstack = Emulator.LOCALSTACK.target()) {
                onLocalStack = LabHarness.runAndRecord(localstack, new S3DefaultEncryptionLab());
            }
        }
        return onLocalStack;
    }

    @Test
    void bucketDefaultAppliesTheLabKeyToUploadsWithoutHeadersAndExplicitHeadersOverrideIt() {
        LabReport lab = runOnMoto().labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a).hasSize(6);
        PROVEN_ON_MOTO.forEach(id -> assertThat(a.get(id).status())
                .as(id + ": " + a.get(id).reason() + " " + a.get(id).actual()).isEqualTo(Status.PASS));
        assertThat(a.get("headerless-upload-uses-lab-key").actual()).contains("aws:kms", "arn:aws:kms:", "BucketKeyEnabled: true");
        assertThat(a.get("explicit-aes256-overrides-default").actual()).contains("AES256", "SSEKMSKeyId: null");
        assertThat(lab.status()).isEqualTo(Status.PASS);
    }

    @Test
    void motoHasNoSseS3DefaultSoThatAssertionIsSkippedWithWhatMotoAnswered() {
        AssertionRecord sseS3 = LabHarness.assertionsOf(runOnMoto().labs().get(0))
                .get("unconfigured-bucket-uses-sse-s3");

        assertThat(sseS3.status()).isEqualTo(Status.SKIPPED);
        assertThat(sseS3.reason()).contains("known moto gap", "the target answered: ServerSideEncryption: null");
        assertThat(sseS3.evidence()).containsKey("knownGap.evidence").containsEntry("PutObject.ServerSideEncryption", "null");
    }

    @Test
    void motoRefusesEveryUploadUnderTheConditionalDenySoThePolicyAssertionIsSkippedNotPassed() {
        AssertionRecord policy = LabHarness.assertionsOf(runOnMoto().labs().get(0))
                .get("policy-judges-request-not-default");

        assertThat(policy.status()).isEqualTo(Status.SKIPPED);
        assertThat(policy.reason()).contains("known moto gap", "upload with aws:kms and the lab key: refused: 403");
        assertThat(policy.evidence())
                .containsEntry("PutObject(aws:kms, lab key)", "refused: 403 -")
                .containsEntry("PutObject(AES256)", "refused: 403 -")
                .containsEntry("PutObject(no encryption header)", "refused: 403 -")
                .containsKey("knownGap.evidence");
        assertThat(policy.evidence().get("bucketPolicy")).contains("StringNotEquals", "s3:x-amz-server-side-encryption");
    }

    @Test
    void localStackProvesTheSseS3DefaultButNeverJudgesTheBucketPolicy() {
        LabReport lab = runOnLocalStack().labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a).hasSize(6);
        assertThat(a.values()).filteredOn(r -> !r.id().equals("policy-judges-request-not-default"))
                .allSatisfy(r -> assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
        assertThat(a.get("unconfigured-bucket-uses-sse-s3").actual()).contains("AES256");
        AssertionRecord policy = a.get("policy-judges-request-not-default");
        assertThat(policy.status()).isEqualTo(Status.SKIPPED);
        assertThat(policy.reason()).contains("known localstack gap", "never evaluates", "upload with AES256: accepted");
        assertThat(policy.evidence())
                .containsEntry("PutObject(aws:kms, lab key)", "accepted")
                .containsEntry("PutObject(AES256)", "accepted")
                .containsKey("knownGap.evidence");
        assertThat(lab.status()).isEqualTo(Status.PASS);
    }

    @Test
    void teardownOnLocalStackLeavesNoBucketNoObjectVersionAndNoKeyOutsidePendingDeletion() throws Exception {
        RunReport report = runOnLocalStack();

        assertThat(report.labs().get(0).teardown()).hasSize(4).extracting(TeardownRecord::outcome)
                .containsOnly(TeardownRecord.Outcome.DELETED);
        assertThat(Emulator.LOCALSTACK.liveResourcesOf(report.runId())).isEmpty();
    }

    @Test
    void teardownLeavesNoBucketNoObjectVersionAndNoKeyOutsidePendingDeletion() throws Exception {
        RunReport report = runOnMoto();

        assertThat(SharedMoto.state().mentioning(report.runId())).as("the lab created resources")
                .anyMatch(r -> r.service().equals("s3")).anyMatch(r -> r.service().equals("kms"));
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        assertThat(report.labs().get(0).teardown()).hasSize(4).extracting(TeardownRecord::outcome)
                .containsOnly(TeardownRecord.Outcome.DELETED);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownStillRunsWhenVerifyThrows(Emulator emulator) throws Exception {
        RunReport report;
        try (Target target = emulator.target()) {
            report = LabHarness.run(target, new VerifyThrows(new S3DefaultEncryptionLab()));
        }
        LabReport lab = report.labs().get(0);

        assertThat(lab.status()).isEqualTo(Status.ERROR);
        assertThat(lab.notes().get(0)).contains("verify blew up");
        assertThat(lab.teardown()).hasSize(4);
        assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
    }
}
