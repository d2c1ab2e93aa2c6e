package io.awslabs.report;

import static io.awslabs.report.Reports.assertion;
import static io.awslabs.report.Reports.lab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCheckerTest {
    @TempDir
    Path dir;

    private ReportChecker.Result check(Path file) {
        return new ReportChecker().check(file);
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws Exception {
        assertThat(check(Files.writeString(dir.resolve("a.json"), "")).invalid())
                .containsExactly("empty file: a report is the JSON 'labs run' writes");
        assertThat(check(Files.writeString(dir.resolve("b.json"), " \n")).invalid())
                .containsExactly("empty file (only whitespace): a report is the JSON 'labs run' writes");
    }

    @Test
    void aBinaryFileIsCalledNotATextFile() throws Exception {
        Path gzip = Files.write(dir.resolve("r.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        Path latin1 = Files.write(dir.resolve("l.json"), new byte[] {'{', (byte) 0xe9, '}'});

        assertThat(check(gzip).invalid()).containsExactly("not a text file (a report is UTF-8 JSON)");
        assertThat(check(latin1).invalid()).containsExactly("not a text file (a report is UTF-8 JSON)");
    }

    @Test
    void aDirectoryIsNotAReport() {
        assertThat(check(dir).invalid()).containsExactly("a directory, not a report file");
    }

    @Test
    void aLabWhoseStatusContradictsItsAssertionsIsFlaggedWithItsPointer() throws Exception {
        RunReport report = Reports.onMoto(lab("a", List.of(assertion("x", Status.PASS, null)), null),
                lab("b", List.of(assertion("x", Status.FAIL, null), assertion("y", Status.PASS, null)), null));
        ObjectNode json = (ObjectNode) ReportJson.MAPPER.readTree(ReportJson.render(report));
        ((ObjectNode) json.at("/labs/1")).put("status", "PASS");
        Path file = Files.writeString(dir.resolve("edited.json"), json.toString());

        ReportChecker.Result result = check(file);

        assertThat(result.valid()).isFalse();
        assertThat(result.invalid()).containsExactly(
                "at \"/labs/1/status\": PASS contradicts its assertions (1 PASS, 1 FAIL), which make it FAIL");
    }

    @Test
    void totalsThatDoNotAddUpAreFlagged() throws Exception {
        ObjectNode json = (ObjectNode) ReportJson.MAPPER.readTree(ReportJson.render(Reports.oneAssertion(Status.FAIL, null)));
        ((ObjectNode) json.get("totals")).put("fail", 0).put("pass", 1);
        Path file = Files.writeString(dir.resolve("edited.json"), json.toString());

        assertThat(check(file).invalid()).singleElement().asString().startsWith("at \"/totals\": does not add up");
    }

    @Test
    void aLabThatStoppedEarlyIsNoContradiction() throws Exception {
        LabReport passed = lab("a", List.of(assertion("x", Status.PASS, null)), null);
        LabReport stopped = new LabReport(passed.lab(), Status.ERROR, null, passed.startedAt(), passed.durationMs(),
                passed.steps(), passed.assertions(), passed.teardown(), List.of("lab stopped early: boom"));
        Path file = ReportJson.write(Reports.onMoto(stopped), dir);

        ReportChecker.Result result = check(file);

        assertThat(result.valid()).isTrue();
        assertThat(result.verdict().outcome()).isEqualTo(Verdict.Outcome.NOT_PROVEN);
    }

    @Test
    void anInterruptedReportRoundTripsAndIsJudgedNotProven() throws Exception {
        RunReport interrupted = Reports.oneAssertion(Status.PASS, null)
                .interruptedBefore(List.of("kms-envelope-encryption", "ssm-run-command"));
        Path file = ReportJson.write(interrupted, dir);

        ReportChecker.Result result = check(file);

        assertThat(result.valid()).as(result.problems().toString()).isTrue();
        assertThat(result.report()).isEqualTo(interrupted);
        assertThat(result.problems()).containsExactly("the run was interrupted; never ran: ssm-run-command");
    }
}
