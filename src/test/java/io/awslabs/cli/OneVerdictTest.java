package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.HtmlReport;
import io.awslabs.report.JunitXmlReportTest;
import io.awslabs.report.LabReport;
import io.awslabs.report.MarkdownReport;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportJson;
import io.awslabs.report.Reports;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit code of {@code labs run}, {@code labs report check}, the summary line, every
 * format's headline and CI's reading of the JUnit XML tell the same verdict of one report. A
 * SKIPPED without a reason used to exit 0 from {@code labs run} and pass in the JUnit XML while
 * {@code report check} called the same report not proven.
 */
class OneVerdictTest {
    @TempDir
    Path dir;

    static Stream<Arguments> reports() {
        LabReport passed = Reports.lab("a", List.of(Reports.assertion("x", Status.PASS, null)), TeardownRecord.Outcome.DELETED);
        LabReport stopped = new LabReport(passed.lab(), Status.ERROR, null, passed.startedAt(), passed.durationMs(),
                passed.steps(), passed.assertions(), passed.teardown(), List.of("lab stopped early: boom"));
        return Stream.of(
                Arguments.of("a skip without a reason", Reports.oneAssertion(Status.SKIPPED, null), Verdict.Outcome.NOT_PROVEN),
                Arguments.of("a skip with a reason", Reports.oneAssertion(Status.SKIPPED, "moto gap"), Verdict.Outcome.PARTIAL),
                Arguments.of("every assertion passed", Reports.oneAssertion(Status.PASS, null), Verdict.Outcome.PROVEN),
                Arguments.of("a failure", Reports.oneAssertion(Status.FAIL, null), Verdict.Outcome.NOT_PROVEN),
                Arguments.of("a failure and a leftover", Reports.onMoto(Reports.lab("a",
                        List.of(Reports.assertion("x", Status.FAIL, null)), TeardownRecord.Outcome.FAILED)),
                        Verdict.Outcome.TEARDOWN_INCOMPLETE),
                Arguments.of("a lab that stopped early", Reports.onMoto(stopped), Verdict.Outcome.NOT_PROVEN),
                Arguments.of("an interrupted run", Reports.oneAssertion(Status.PASS, null)
                        .interruptedBefore(List.of("kms-envelope-encryption", "ssm-run-command")), Verdict.Outcome.NOT_PROVEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void everyConsumerOfAReportTellsTheSameVerdict(String shape, RunReport report, Verdict.Outcome expected) throws Exception {
        Verdict verdict = Verdict.of(report);
        Path file = ReportJson.write(report, dir);
        StringWriter shown = new StringWriter();
        new TerminalReport(new Terminal(false), 400, io.awslabs.text.Lang.EN).print(report, new PrintWriter(shown));
        String summary = new RunSummary(report, verdict, Optional.empty(), new Terminal(false), io.awslabs.text.Lang.EN).headline();
        Map<String, ReportTestSuite> ci = JunitXmlReportTest.readAsCi(
                ReportFiles.write(report, dir, Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT));
        int ciProblems = ci.values().stream().mapToInt(s -> s.getNumberOfFailures() + s.getNumberOfErrors()).sum();

        assertThat(verdict.outcome()).isEqualTo(expected);
        int runExit = ExitCodes.ofRun(verdict);
        assertThat(runExit).isEqualTo(switch (expected) {
            case PROVEN, PARTIAL -> ExitCodes.OK;
            case NOT_PROVEN -> ExitCodes.NOT_PROVEN;
            case TEARDOWN_INCOMPLETE -> ExitCodes.TEARDOWN_INCOMPLETE;
        });
        assertThat(CliResult.run("report", "check", file.toString()).code()).as("report check")
                .isEqualTo(runExit == ExitCodes.OK ? ExitCodes.OK : ExitCodes.NOT_PROVEN);
        assertThat(summary).as("the run's summary line").startsWith(expected.headline() + ": ");
        assertThat(shown.toString()).as("report show").contains(expected.headline() + ": " + expected.meaning());
        assertThat(HtmlReport.render(report)).contains("class=\"banner " + expected.name() + "\"");
        assertThat(MarkdownReport.render(report)).contains("**" + expected.headline() + "**");
        assertThat(ciProblems > 0).as("CI goes red exactly when the verdict is not clean").isEqualTo(!expected.clean());
    }
}
