package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityMatrixTest {

    static RunReport on(String target, String runId, Status status, String finishedAt) {
        RunReport sample = ReportJsonTest.sample(status, TeardownRecord.Outcome.DELETED);
        return new RunReport(sample.schema(), sample.schemaVersion(), sample.toolVersion(), runId,
                new RunReport.TargetInfo(target, "http://127.0.0.1:4566", "us-east-1", "000000000000"),
                sample.startedAt(), Instant.parse(finishedAt), sample.timings(), sample.labs(), sample.totals());
    }

    @Test
    void eachAssertionGetsOneCellPerTargetAndAwsIsTheDocumentedExpectation() {
        FidelityMatrix matrix = FidelityMatrix.of(List.of(
                on("localstack", "ls000001", Status.PASS, "2026-11-22T08:00:00Z"),
                on("moto", "mo000001", Status.SKIPPED, "2026-11-22T08:00:00Z")));

        assertThat(matrix.targets()).containsExactly("moto", "localstack", "aws");
        FidelityMatrix.Row row = matrix.rowsOf("kms-envelope-encryption").get(0);
        assertThat(FidelityMatrix.label(row, "moto")).isEqualTo("SKIPPED");
        assertThat(FidelityMatrix.label(row, "localstack")).isEqualTo("PASS");
        assertThat(FidelityMatrix.label(row, "aws")).isEqualTo("expected PASS");
        assertThat(row.byTarget().get("moto").reason()).isEqualTo("moto cannot");
    }

    @Test
    void anAssertionThatAwsProvesOnlyWithAnOptionIsNotExpectedToPassThereWithoutIt() {
        FidelityMatrix matrix = FidelityMatrix.of(List.of(on("moto", "mo000001", Status.PASS, "2026-11-22T08:00:00Z")))
                .expectingOnAws((lab, assertion) -> "SKIPPED unless --option wait=true");

        FidelityMatrix.Row row = matrix.rowsOf("kms-envelope-encryption").get(0);
        assertThat(FidelityMatrix.label(row, "aws")).isEqualTo("SKIPPED unless --option wait=true");
        assertThat(FidelityMatrix.label(row, "moto")).isEqualTo("PASS");
        assertThat(matrix.toMarkdown("labs fidelity")).contains("| SKIPPED unless --option wait=true |");
    }

    @Test
    void theLatestReportOfALabOnATargetWins() {
        FidelityMatrix matrix = FidelityMatrix.of(List.of(
                on("moto", "newer001", Status.PASS, "2026-11-22T09:00:00Z"),
                on("moto", "older001", Status.FAIL, "2026-11-22T08:00:00Z")));

        assertThat(FidelityMatrix.label(matrix.rows().get(0), "moto")).isEqualTo("PASS");
        assertThat(matrix.runs()).extracting(FidelityMatrix.Run::runId).containsExactly("newer001");
    }

    @Test
    void markdownShowsATablePerLabWithSkipReasonsAsNumberedNotes() {
        String md = FidelityMatrix.of(List.of(
                on("moto", "mo000001", Status.SKIPPED, "2026-11-22T08:00:00Z"),
                on("localstack", "ls000001", Status.PASS, "2026-11-22T08:00:00Z"))).toMarkdown("labs fidelity x");

        assertThat(md).contains("## kms-envelope-encryption: KMS",
                "| assertion | moto | localstack | aws |",
                "| `round-trip` | SKIPPED [1] | PASS | expected PASS |",
                "1. moto, `round-trip`: moto cannot",
                "moto run mo000001 (2026-11-22)", "labs fidelity x");
    }

    @Test
    void theMatrixSurvivesTheRoundTripThroughJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        FidelityMatrix matrix = FidelityMatrix.of(List.of(on("moto", "mo000001", Status.SKIPPED, "2026-11-22T08:00:00Z")));

        matrix.writeJson(dir.resolve("f.json"));

        try (var in = java.nio.file.Files.newInputStream(dir.resolve("f.json"))) {
            assertThat(FidelityMatrix.readJson(in)).isEqualTo(matrix);
        }
    }

    @Test
    void anInterruptedRunIsLeftOut() {
        FidelityMatrix matrix = FidelityMatrix.of(List.of(
                on("moto", "older001", Status.PASS, "2026-11-22T08:00:00Z"),
                on("moto", "newer001", Status.ERROR, "2026-11-22T09:00:00Z").interruptedBefore(List.of())));

        assertThat(FidelityMatrix.label(matrix.rows().get(0), "moto")).isEqualTo("PASS");
        assertThat(matrix.runs()).extracting(FidelityMatrix.Run::runId).containsExactly("older001");
    }

    @Test
    void twoEmulatorsBehindEndpointsNeverShareAColumn() {
        RunReport sample = ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED);
        java.util.function.BiFunction<RunReport.TargetInfo, String, RunReport> at = (target, runId) -> new RunReport(
                sample.schema(), sample.schemaVersion(), sample.toolVersion(), runId, target, sample.startedAt(),
                sample.finishedAt(), sample.timings(), sample.labs(), sample.totals());

        FidelityMatrix matrix = FidelityMatrix.of(List.of(
                at.apply(new RunReport.TargetInfo("endpoint", "http://127.0.0.1:5000", "us-east-1", null, "moto"), "ep000001"),
                at.apply(new RunReport.TargetInfo("endpoint", "http://127.0.0.1:4566", "us-east-1", null, "localstack"), "ep000002"),
                at.apply(new RunReport.TargetInfo("endpoint", "http://127.0.0.1:9000", "us-east-1", null), "ep000003"),
                on("moto", "mo000001", Status.PASS, "2026-11-22T08:00:00Z")));

        assertThat(matrix.targets()).containsExactly("moto", "endpoint (moto)", "endpoint (localstack)",
                "endpoint 127.0.0.1:9000", "aws");
    }
}
