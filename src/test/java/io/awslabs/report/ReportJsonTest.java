package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ReportJsonTest {
    @TempDir
    Path dir;

    public static RunReport sample(Status status, TeardownRecord.Outcome teardown) {
        AssertionRecord assertion = new AssertionRecord("round-trip", "Decrypt returns the plaintext", status,
                "bytes: same", "bytes: same", status == Status.SKIPPED ? "moto cannot" : null, null,
                Map.of("kms:Decrypt.requestId", "r-1"), List.of(new AssertionRecord.Check("bytes", "same", "same", true)), 12);
        LabReport lab = new LabReport(new LabReport.LabSummary("kms-envelope-encryption", "KMS", "c", "e", List.of("kms"), 0.01),
                status, null, Instant.parse("2026-11-22T07:00:00Z"), 1500,
                List.of(new StepRecord("provision", Instant.parse("2026-11-22T07:00:00Z"), 300, "ok")),
                List.of(assertion), List.of(new TeardownRecord("KMS key", "arn:k", teardown, null, 5)), List.of("note"));
        return new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, "0.1.0", "abc12345",
                new RunReport.TargetInfo("moto", "http://127.0.0.1:5000", "us-east-1", "123456789012"),
                Instant.parse("2026-11-22T07:00:00Z"), Instant.parse("2026-11-22T07:00:02Z"),
                new RunReport.Timings(200, 400, 600, 20, 0, 2000), List.of(lab), RunReport.Totals.of(List.of(lab)));
    }

    @Test
    void aReportSurvivesTheRoundTripThroughJson() throws Exception {
        RunReport report = sample(Status.PASS, TeardownRecord.Outcome.DELETED);

        Path file = ReportJson.write(report, dir);

        assertThat(file.getFileName().toString()).isEqualTo("abc12345.json");
        assertThat(ReportJson.read(file)).isEqualTo(report);
        assertThat(Files.readString(file)).contains("\"schema\" : \"aws-labs/run-report\"");
    }

    @Test
    void checkerAcceptsPassesAndReasonedSkips() throws Exception {
        Path file = ReportJson.write(sample(Status.SKIPPED, TeardownRecord.Outcome.DELETED), dir);

        assertThat(new ReportChecker().check(file).verdict().outcome()).isEqualTo(Verdict.Outcome.PARTIAL);
    }

    @Test
    void checkerRejectsFailuresAndTeardownLeftovers() throws Exception {
        Path failed = ReportJson.write(sample(Status.FAIL, TeardownRecord.Outcome.DELETED), dir.resolve("a"));
        Path leaked = ReportJson.write(sample(Status.PASS, TeardownRecord.Outcome.FAILED), dir.resolve("b"));

        assertThat(new ReportChecker().check(failed).verdict().outcome()).isEqualTo(Verdict.Outcome.NOT_PROVEN);
        assertThat(new ReportChecker().check(leaked).problems()).anyMatch(p -> p.contains("was not deleted"));
    }

    @Test
    void checkerCallsForeignAndMalformedFilesInvalid() throws Exception {
        Path foreign = Files.writeString(dir.resolve("package.json"), "{\"name\": \"left-pad\"}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"schema\": \"aws-labs/run-report\", \"schemaVersion\": 99}");

        assertThat(new ReportChecker().check(foreign).problems().get(0)).contains("not an aws-labs run report");
        assertThat(new ReportChecker().check(broken).valid()).isFalse();
        assertThat(new ReportChecker().check(newer).problems().get(0)).contains("unsupported schemaVersion 99");
        assertThat(new ReportChecker().check(dir.resolve("missing.json")).problems().get(0)).contains("no such file");
    }
}
