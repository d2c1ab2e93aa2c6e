package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.VerifyThrows;
import io.awslabs.testing.SharedMoto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

class S3PresignedUploadIT {
    /** A signature or credential value that is not the redaction mask, in plain or URL-encoded form. */
    private static final Pattern UNREDACTED = Pattern.compile("(?i)X-Amz-(Signature|Credential)(=|%3D)(?!REDACTED)");
    /** A SigV4 signature is 64 hex digits: none may appear anywhere, whatever label it sits under. */
    private static final Pattern SIGV4_SIGNATURE = Pattern.compile("\\b[0-9a-f]{64}\\b");
    private static final List<String> GAPS_ON_MOTO = List.of("signature-bound-to-one-object", "expired-url-refused",
            "signed-content-type-enforced", "unsigned-put-refused");

    private static RunReport onMoto;
    private static final List<String> progressLines = new ArrayList<>();

    /** One run of the lab, with every progress event recorded, serves every test that only reads it. */
    private static synchronized RunReport runOnMoto() {
        if (onMoto == null) {
            try (Target moto = SharedMoto.target()) {
                onMoto = LabHarness.record(new LabRunner(moto, new RunOptions(false, Duration.ofHours(1), Map.of(), 0),
                        new RecordingProgress(progressLines), RunIds.next(), "test").run(List.of(new S3PresignedUploadLab())));
            }
        }
        return onMoto;
    }

    private static RunReport onLocalStack;

    private static synchronized RunReport runOnLocalStack() {
        if (onLocalStack == null) {
            try (Target localstack = Emulator.LOCALSTACK.target()) {
                onLocalStack = LabHarness.runAndRecord(localstack, new S3PresignedUploadLab());
            }
        }
        return onLocalStack;
    }

    @Test
    void localStackVerifiesSignatureObjectExpiryAndContentTypeButLetsAnUnsignedPutThrough() {
        LabReport lab = runOnLocalStack().labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a).hasSize(6);
        assertThat(a.values()).filteredOn(r -> !r.id().equals("unsigned-put-refused"))
                .allSatisfy(r -> assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
        assertThat(a.get("signature-bound-to-one-object").evidence()).containsEntry("plain HTTP GET answered", "403 SignatureDoesNotMatch");
        assertThat(a.get("expired-url-refused").evidence()).containsEntry("S3 error message", "Request has expired");
        assertThat(a.get("signed-content-type-enforced").evidence()).containsEntry("plain HTTP PUT answered", "403 SignatureDoesNotMatch");
        AssertionRecord unsigned = a.get("unsigned-put-refused");
        assertThat(unsigned.status()).isEqualTo(Status.SKIPPED);
        assertThat(unsigned.reason()).contains("known localstack gap", "(the target answered: status: 200)");
        assertThat(unsigned.evidence()).containsKey("knownGap.evidence").containsEntry("plain HTTP PUT answered", "200, 0 bytes");
        assertThat(lab.status()).isEqualTo(Status.PASS);
    }

    @Test
    void localStacksSignatureErrorsLeaveNoSignatureInTheReport() throws Exception {
        String json = ReportJson.MAPPER.writeValueAsString(runOnLocalStack());

        assertThat(json).contains("X-Amz-Signature=REDACTED");
        assertThat(UNREDACTED.matcher(json).find()).as("an unredacted signature or credential in the report").isFalse();
        assertThat(SIGV4_SIGNATURE.matcher(json).find()).as("a 64-hex-digit signature in the report").isFalse();
    }

    @Test
    void teardownOnLocalStackLeavesNoBucketAndNoObjectVersion() throws Exception {
        RunReport report = runOnLocalStack();

        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                .containsExactly(TeardownRecord.Outcome.DELETED);
        assertThat(Emulator.LOCALSTACK.liveResourcesOf(report.runId())).isEmpty();
    }

    @Test
    void presignedUrlsUploadAndDownloadWithoutCredentials() {
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(runOnMoto().labs().get(0));

        assertThat(a).hasSize(6);
        assertThat(a.get("presigned-put-uploads-without-credentials").status()).isEqualTo(Status.PASS);
        assertThat(a.get("presigned-put-uploads-without-credentials").actual())
                .contains("status of the credential-free PUT: 200", "ContentType: image/jpeg", "stored bytes equal the uploaded bytes: true");
        assertThat(a.get("presigned-get-serves-same-bytes").status()).isEqualTo(Status.PASS);
        assertThat(runOnMoto().labs().get(0).status()).isEqualTo(Status.PASS);
    }

    @Test
    void whatMotoLetsThroughIsSkippedWithItsActualAnswerNeverPassed() {
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(runOnMoto().labs().get(0));

        GAPS_ON_MOTO.forEach(id -> {
            AssertionRecord gap = a.get(id);
            assertThat(gap.status()).as(id).isEqualTo(Status.SKIPPED);
            assertThat(gap.reason()).as(id).contains("known moto gap", "(the target answered: status: 200)");
            assertThat(gap.evidence()).as(id).containsKey("knownGap.evidence")
                    .hasEntrySatisfying(answerKey(gap), answer -> assertThat(answer).startsWith("200"));
        });
        assertThat(a.get("expired-url-refused").evidence()).containsKeys("presignedGet.expiresAt", "usedAt");
    }

    @Test
    void noReportOrProgressLineCarriesAPresignedSignature() throws Exception {
        String json = ReportJson.MAPPER.writeValueAsString(runOnMoto());

        assertThat(json).as("presigned URLs are shown, redacted").contains("X-Amz-Signature=REDACTED", "X-Amz-Credential=REDACTED");
        assertThat(UNREDACTED.matcher(json).find()).as("an unredacted signature or credential in the report").isFalse();
        assertThat(SIGV4_SIGNATURE.matcher(json).find()).as("a 64-hex-digit signature in the report").isFalse();
        assertThat(progressLines).isNotEmpty().noneMatch(line -> UNREDACTED.matcher(line).find())
                .noneMatch(line -> SIGV4_SIGNATURE.matcher(line).find());
    }

    @Test
    void teardownLeavesNoBucketAndNoObjectVersion() throws Exception {
        RunReport report = runOnMoto();

        assertThat(SharedMoto.state().mentioning(report.runId())).as("the lab created resources")
                .anyMatch(r -> r.service().equals("s3"));
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                .containsExactly(TeardownRecord.Outcome.DELETED);
    }

    @Test
    void aKeptBucketAndItsObjectVersionsAreSeenAsLiveSoTheLeftoverProbeCanFail() throws Exception {
        RunReport report;
        try (Target moto = SharedMoto.target()) {
            report = new LabRunner(moto, new RunOptions(true, Duration.ofHours(1), Map.of(), 0), Progress.SILENT,
                    RunIds.next(), "test").run(List.of(new S3PresignedUploadLab()));

            List<String> live = SharedMoto.state().liveResourcesOf(report.runId());
            assertThat(live).anyMatch(r -> r.startsWith("s3 bucket "))
                    .anyMatch(r -> r.startsWith("s3 object version ") && r.contains("receipts/uploaded-by-app.jpg"));
            S3Buckets.emptyAndDelete(moto.client(S3Client.class), report.labs().get(0).teardown().get(0).id());
        }
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownStillRunsWhenVerifyThrows(Emulator emulator) throws Exception {
        RunReport report;
        try (Target target = emulator.target()) {
            report = LabHarness.run(target, new VerifyThrows(new S3PresignedUploadLab()));
        }
        LabReport lab = report.labs().get(0);

        assertThat(lab.status()).isEqualTo(Status.ERROR);
        assertThat(lab.notes().get(0)).contains("verify blew up");
        assertThat(lab.teardown()).extracting(TeardownRecord::outcome).containsExactly(TeardownRecord.Outcome.DELETED);
        assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
    }

    private static String answerKey(AssertionRecord record) {
        return record.evidence().keySet().stream().filter(k -> k.startsWith("plain HTTP")).findFirst()
                .orElseThrow(() -> new AssertionError(record.id() + " kept no HTTP answer as evidence"));
    }


    /** Everything the runner tells a watcher, as the raw text a console would print before its own redaction. */
    private record RecordingProgress(List<String> lines) implements Progress {
        @Override public void labStarted(String labId, int index, int count) { add(labId + " started"); }
        @Override public void stepStarted(String labId, String step) { add(step); }
        @Override public void stepFinished(String labId, String step, long millis, String outcome) { add(step + " " + outcome); }
        @Override public void assertion(String labId, AssertionRecord record) { add(record.toString()); }
        @Override public void teardown(String labId, TeardownRecord record) { add(record.toString()); }
        @Override public void info(String labId, String message) { add(message); }

        private void add(String line) {
            synchronized (lines) {
                lines.add(line);
            }
        }
    }
}
