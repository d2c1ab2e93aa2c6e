package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An assertion proven on the machine of the run alone is counted apart from what the target proved. */
class LocalProofTest {
    @TempDir
    Path dir;

    private static RunReport withALocalProof() {
        AssertionRecord onTarget = new AssertionRecord("imported", "ACM stores the certificate", Status.PASS, "Type: IMPORTED",
                "Type: IMPORTED", null, null, Map.of(), List.of(new AssertionRecord.Check("Type", "IMPORTED", "IMPORTED", true)),
                10, false);
        AssertionRecord local = new AssertionRecord("tls-handshake", "A client trusting the CA completes the handshake",
                Status.PASS, "protocol: TLSv1.3", "protocol: TLSv1.3", null, null, Map.of(),
                List.of(new AssertionRecord.Check("protocol", "TLSv1.3", "TLSv1.3", true)), 20, true);
        LabReport lab = new LabReport(new LabReport.LabSummary("acm-certificate", "ACM", "c", "e", List.of("acm"), 0.0),
                Status.PASS, null, Instant.parse("2026-11-22T07:00:00Z"), 1500,
                List.of(new StepRecord("provision", Instant.parse("2026-11-22T07:00:00Z"), 300, "ok")),
                List.of(onTarget, local), List.of(new TeardownRecord("ACM certificate", "arn:c", TeardownRecord.Outcome.DELETED,
                        null, 5)), List.of());
        return new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, "0.1.0", "loc12345",
                new RunReport.TargetInfo("moto", "http://127.0.0.1:5000", "us-east-1", "123456789012"),
                Instant.parse("2026-11-22T07:00:00Z"), Instant.parse("2026-11-22T07:00:02Z"),
                new RunReport.Timings(200, 400, 600, 20, 0, 2000), List.of(lab), RunReport.Totals.of(List.of(lab)));
    }

    @Test
    void theTotalsAndTheSummaryLineCountLocalProofsApart() {
        RunReport report = withALocalProof();

        assertThat(report.totals().pass()).isEqualTo(2);
        assertThat(report.totals().localPass()).isEqualTo(1);
        assertThat(ReportText.totals(report.totals())).startsWith("2 passed (1 of them a local proof, not the target's), 0 failed");
        assertThat(ProvenHere.of(report, Optional.empty()).sentence())
                .startsWith("1 of 2 proven on moto, 1 more on this machine alone (local proof, not the target's)");
    }

    @Test
    void theJsonRecordsItValidatesAndAnOlderReportWithoutItStillReads() throws Exception {
        Path file = ReportJson.write(withALocalProof(), dir);
        JsonNode json = ReportJson.MAPPER.readTree(file.toFile());

        assertThat(json.at("/labs/0/assertions/1/localProof").asBoolean()).isTrue();
        assertThat(json.at("/totals/localPass").asInt()).isEqualTo(1);
        assertThat(ReportSchema.validate(json)).isEmpty();

        ObjectNode older = (ObjectNode) json.deepCopy();
        ((ObjectNode) older.at("/labs/0/assertions/0")).remove("localProof");
        ((ObjectNode) older.at("/labs/0/assertions/1")).remove("localProof");
        ((ObjectNode) older.at("/totals")).remove("localPass");
        Path old = Files.writeString(dir.resolve("older.json"), ReportJson.MAPPER.writeValueAsString(older));
        assertThat(ReportSchema.validate(older)).isEmpty();
        RunReport read = ReportJson.read(old);
        assertThat(read.labs().get(0).assertions()).noneMatch(AssertionRecord::localProof);
        assertThat(read.totals().localPass()).isZero();
        assertThat(new ReportChecker().check(old).valid()).isTrue();
    }

    @Test
    void everyWriterMarksTheLocalProofAndTheMatrixShowsIt() {
        RunReport report = withALocalProof();

        assertThat(MarkdownReport.render(report)).contains("| PASS (local proof) | `tls-handshake` |", "| PASS | `imported` |");
        assertThat(HtmlReport.render(report)).contains("<span class=\"local\"", "of them local proofs");
        assertThat(JunitXmlReport.render(report))
                .contains("<property name=\"localProof\" value=\"true\"/>");
        FidelityMatrix.Row row = FidelityMatrix.of(List.of(report)).rowsOf("acm-certificate").stream()
                .filter(r -> r.assertion().equals("tls-handshake")).findFirst().orElseThrow();
        assertThat(FidelityMatrix.label(row, "moto")).isEqualTo("PASS (local)");
    }
}
