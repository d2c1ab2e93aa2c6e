package io.awslabs.labs.s3;

import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.ReportJson;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.LabHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class S3PresignedUploadIT extends LabContract {
    /** A signature or credential value that is not the redaction mask, in plain or URL-encoded form. */
    private static final Pattern UNREDACTED = Pattern.compile("(?i)X-Amz-(Signature|Credential)(=|%3D)(?!REDACTED)");
    /** A SigV4 signature is 64 hex digits: none may appear anywhere, whatever label it sits under. */
    private static final Pattern SIGV4_SIGNATURE = Pattern.compile("\\b[0-9a-f]{64}\\b");
    private static final List<String> GAPS_ON_MOTO = List.of("signature-bound-to-one-object", "expired-url-refused",
            "signed-content-type-enforced", "unsigned-put-refused");

    S3PresignedUploadIT() {
        super(S3PresignedUploadLab::new);
    }

    @Test
    void localStackVerifiesSignatureObjectExpiryAndContentTypeButLetsAnUnsignedPutThrough() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.LOCALSTACK);

        assertThat(a.get("signature-bound-to-one-object").evidence()).containsEntry("plain HTTP GET answered", "403 SignatureDoesNotMatch");
        assertThat(a.get("expired-url-refused").evidence()).containsEntry("S3 error message", "Request has expired");
        assertThat(a.get("signed-content-type-enforced").evidence()).containsEntry("plain HTTP PUT answered", "403 SignatureDoesNotMatch");
        AssertionRecord unsigned = a.get("unsigned-put-refused");
        assertThat(unsigned.reason()).contains("known LocalStack gap", "(the target answered: status: 200)");
        assertThat(unsigned.evidence()).containsKey("knownGap.source").containsEntry("plain HTTP PUT answered", "200, 0 bytes");
    }

    @Test
    void localStacksSignatureErrorsLeaveNoSignatureInTheReport() throws Exception {
        String json = ReportJson.MAPPER.writeValueAsString(reportOn(Emulator.LOCALSTACK));

        assertThat(json).contains("X-Amz-Signature=REDACTED");
        assertThat(UNREDACTED.matcher(json).find()).as("an unredacted signature or credential in the report").isFalse();
        assertThat(SIGV4_SIGNATURE.matcher(json).find()).as("a 64-hex-digit signature in the report").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void aPresignedUploadThatAnUnsignedPutMatchesIsNotCountedAsProof(Emulator emulator) {
        AssertionRecord put = assertionsOn(emulator).get("presigned-put-uploads-without-credentials");

        assertThat(put.status()).isEqualTo(Status.SKIPPED);
        assertThat(put.reason()).contains("(the target answered: " + S3PresignedUploadLab.UNSIGNED_PUT_CONTROL + ": 200)");
        assertThat(put.checks()).filteredOn(AssertionRecord.Check::held).extracting(AssertionRecord.Check::what)
                .contains("status of the credential-free PUT", "ContentType", "stored bytes equal the uploaded bytes");
    }

    @Test
    void motoRefusesADownloadWithoutSignatureButAcceptsOneWithAWrongSignature() {
        AssertionRecord get = assertionsOn(Emulator.MOTO).get("presigned-get-serves-same-bytes");

        assertThat(get.status()).isEqualTo(Status.SKIPPED);
        assertThat(get.evidence()).hasEntrySatisfying("plain HTTP GET without the signature answered",
                answer -> assertThat(answer).startsWith("403"));
        assertThat(get.reason()).contains("(the target answered: " + S3PresignedUploadLab.ALTERED_GET_CONTROL + ": 200)");
    }

    @Test
    void localStacksRefusalsComeWithTheSameUrlAcceptedInTheSameAssertion() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.LOCALSTACK);

        assertThat(a.get("signature-bound-to-one-object").checks()).extracting(AssertionRecord.Check::what, AssertionRecord.Check::held)
                .startsWith(tuple("status of the URL on its own object", true));
        assertThat(a.get("signed-content-type-enforced").checks()).extracting(AssertionRecord.Check::what, AssertionRecord.Check::held)
                .startsWith(tuple("status with the signed Content-Type", true));
        assertThat(a.get("expired-url-refused").checks()).extracting(AssertionRecord.Check::what, AssertionRecord.Check::held)
                .startsWith(tuple("status of the same URL signed now", true));
    }

    @Test
    void urlsSignedWithTheWrongSecretFailTheirPositiveControlsInsteadOfPassingOnA403() {
        // LocalStack takes any secret for SDK calls but verifies presigned URLs against its own: every one is refused.
        Map<String, AssertionRecord> a;
        try (Target localstack = Emulator.LOCALSTACK.target();
             Target wrongSecret = localstack.actingAs(StaticCredentialsProvider.create(
                     AwsBasicCredentials.create("test", "not-the-secret-localstack-checks")))) {
            a = LabHarness.assertionsOf(LabHarness.run(wrongSecret, new S3PresignedUploadLab()).labs().get(0));
        }

        assertThat(a.get("signature-bound-to-one-object").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("signature-bound-to-one-object").expected()).startsWith("status of the URL on its own object");
        assertThat(a.get("signed-content-type-enforced").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("signed-content-type-enforced").expected()).startsWith("status with the signed Content-Type");
        assertThat(a.get("expired-url-refused").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("expired-url-refused").expected()).startsWith("status of the same URL signed now");
    }

    @Test
    void theExpiredUrlIsSignedInThePastInsteadOfWaitedFor() {
        AssertionRecord expired = assertionsOn(Emulator.LOCALSTACK).get("expired-url-refused");

        assertThat(expired.status()).isEqualTo(Status.PASS);
        assertThat(Instant.parse(expired.evidence().get("presignedGet.expiresAt")))
                .isBefore(Instant.parse(expired.evidence().get("presignedGet.signedAt")).plus(Duration.ofMinutes(2)))
                .isBefore(Instant.parse(expired.evidence().get("usedAt")));
        assertThat(expired.durationMs()).as("no wait for the URL to run out").isLessThan(1000);
    }

    @Test
    void whatMotoLetsThroughIsSkippedWithItsActualAnswerNeverPassed() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        GAPS_ON_MOTO.forEach(id -> {
            AssertionRecord gap = a.get(id);
            assertThat(gap.reason()).as(id).contains("known moto gap", "(the target answered: status: 200)");
            assertThat(gap.evidence()).as(id).containsKey("knownGap.source")
                    .hasEntrySatisfying(answerKey(gap), answer -> assertThat(answer).startsWith("200"));
        });
        assertThat(a.get("expired-url-refused").evidence()).containsKeys("presignedGet.expiresAt", "usedAt");
    }

    @Test
    void noReportOrProgressLineCarriesAPresignedSignature() throws Exception {
        List<String> progressLines = new ArrayList<>();
        String json;
        try (Target moto = Emulator.MOTO.target()) {
            json = ReportJson.MAPPER.writeValueAsString(new LabRunner(moto, new RunOptions(false, Duration.ofHours(1),
                    Map.of(), 0), new RecordingProgress(progressLines), RunIds.next(), "test")
                    .run(List.of(new S3PresignedUploadLab())));
        }

        assertThat(json).as("presigned URLs are shown, redacted").contains("X-Amz-Signature=REDACTED", "X-Amz-Credential=REDACTED");
        assertThat(UNREDACTED.matcher(json).find()).as("an unredacted signature or credential in the report").isFalse();
        assertThat(SIGV4_SIGNATURE.matcher(json).find()).as("a 64-hex-digit signature in the report").isFalse();
        assertThat(progressLines).isNotEmpty().noneMatch(line -> UNREDACTED.matcher(line).find())
                .noneMatch(line -> SIGV4_SIGNATURE.matcher(line).find());
    }

    private static String answerKey(AssertionRecord record) {
        return record.evidence().keySet().stream().filter(k -> k.startsWith("plain HTTP")).findFirst()
                .orElseThrow(() -> new AssertionError(record.id() + " kept no HTTP answer as evidence"));
    }


    /** Everything the runner tells a watcher, as the raw text a console would print before its own redaction. */
    private record RecordingProgress(List<String> lines) implements Progress {
        @Override public void labStarted(String labId, int index, int count) { add(labId + " started"); }
        @Override public void stepStarted(String labId, Said step) { add(step.in(Lang.EN)); }
        @Override public void stepFinished(String labId, Said step, long millis, String outcome) {
            add(step.in(Lang.EN) + " " + outcome);
        }
        @Override public void assertion(String labId, AssertionRecord record) { add(record.toString()); }
        @Override public void teardown(String labId, TeardownRecord record) { add(record.toString()); }
        @Override public void info(String labId, Said message) { add(message.in(Lang.EN)); }

        private void add(String line) {
            synchronized (lines) {
                lines.add(line);
            }
        }
    }
}
