package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit XML as a CI system reads it: through Maven Surefire's own report parser. */
public class JunitXmlReportTest {
    @TempDir
    Path dir;

    /** Parses a JUnit XML file as Surefire's report plugin does; suites by name. */
    public static Map<String, ReportTestSuite> readAsCi(Path xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(xml.toString());
        assertThat(parser.isValid()).isTrue();
        return suites.stream().collect(Collectors.toMap(ReportTestSuite::getFullClassName, Function.identity()));
    }

    public static Map<String, ReportTestCase> casesOf(ReportTestSuite suite) {
        return suite.getTestCases().stream().collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
    }

    @Test
    void ciSeesASuitePerLabACasePerAssertionAndTheCountsOfTheRun() throws Exception {
        Path xml = ReportFiles.write(ReportFixture.mixed(), dir, java.util.Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT);

        Map<String, ReportTestSuite> suites = readAsCi(xml);

        assertThat(suites).containsOnlyKeys(ReportFixture.LAB, ReportFixture.SKIPPED_LAB);
        ReportTestSuite lab = suites.get(ReportFixture.LAB);
        assertThat(lab.getNumberOfTests()).isEqualTo(5);
        assertThat(lab.getNumberOfFailures()).isEqualTo(2);
        assertThat(lab.getNumberOfErrors()).isEqualTo(1);
        assertThat(lab.getNumberOfSkipped()).isEqualTo(1);
        assertThat(lab.getTimeElapsed()).isEqualTo(64.0f);
        ReportTestSuite notRun = suites.get(ReportFixture.SKIPPED_LAB);
        assertThat(notRun.getNumberOfTests()).isEqualTo(1);
        assertThat(notRun.getNumberOfSkipped()).isEqualTo(1);
    }

    @Test
    void eachCaseCarriesItsStatusReasonExpectedActualAndDuration() throws Exception {
        Path xml = ReportFiles.write(ReportFixture.mixed(), dir, java.util.Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT);

        Map<String, ReportTestCase> cases = casesOf(readAsCi(xml).get(ReportFixture.LAB));

        assertThat(cases).containsOnlyKeys("presigned-put-uploads", "expired-url-refused", "signature-checked",
                "bucket-policy-denies", JunitXmlReport.TEARDOWN_CASE);
        assertThat(cases.get("presigned-put-uploads").isSuccessful()).isTrue();
        assertThat(cases.get("presigned-put-uploads").getTime()).isEqualTo(0.042f);
        ReportTestCase failed = cases.get("expired-url-refused");
        assertThat(failed.hasFailure()).isTrue();
        assertThat(failed.getFailureMessage()).isEqualTo("expected status after expiry: 403, got status after expiry: 200");
        assertThat(failed.getFailureDetail()).contains("A presigned URL is refused after it expires",
                "NOT HELD status after expiry: expected 403, got 200");
        assertThat(cases.get("signature-checked").hasSkipped()).isTrue();
        assertThat(cases.get("signature-checked").getFailureMessage()).startsWith("known moto gap: presigned signatures");
        assertThat(cases.get("bucket-policy-denies").hasError()).isTrue();
        ReportTestCase teardown = cases.get(JunitXmlReport.TEARDOWN_CASE);
        assertThat(teardown.hasFailure()).isTrue();
        assertThat(teardown.getFailureMessage()).startsWith("1 of 3 resource(s) left behind");
        assertThat(Files.readString(xml)).doesNotContain(ReportFixture.SECRETS);
    }

    @Test
    void aCleanRunIsGreenForCi() throws Exception {
        RunReport clean = ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED);
        Path xml = ReportFiles.write(clean, dir, java.util.Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT);

        ReportTestSuite suite = readAsCi(xml).get("kms-envelope-encryption");

        assertThat(suite.getNumberOfTests()).isEqualTo(2);
        assertThat(suite.getNumberOfFailures() + suite.getNumberOfErrors() + suite.getNumberOfSkipped()).isZero();
        assertThat(suite.getTestCases()).allMatch(ReportTestCase::isSuccessful);
    }

    @Test
    void aSkipWithoutAReasonFailsInCiAsTheVerdictSays() throws Exception {
        Path xml = ReportFiles.write(Reports.oneAssertion(Status.SKIPPED, null), dir, java.util.Set.of(ReportFormat.JUNIT))
                .get(ReportFormat.JUNIT);

        ReportTestSuite suite = readAsCi(xml).get("kms-envelope-encryption");

        assertThat(suite.getNumberOfFailures()).isEqualTo(1);
        assertThat(suite.getNumberOfSkipped()).isZero();
        assertThat(casesOf(suite).get("round-trip").getFailureMessage()).isEqualTo("SKIPPED without a reason");
    }

    @Test
    void anInterruptedRunHasAFailingCaseThatNamesTheLabsThatNeverRan() throws Exception {
        RunReport interrupted = Reports.oneAssertion(Status.PASS, null)
                .interruptedBefore(List.of("kms-envelope-encryption", "ssm-run-command"));
        Path xml = ReportFiles.write(interrupted, dir, java.util.Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT);

        Map<String, ReportTestSuite> suites = readAsCi(xml);

        ReportTestCase run = casesOf(suites.get(JunitXmlReport.RUN_SUITE)).get(JunitXmlReport.INTERRUPTED_CASE);
        assertThat(run.hasFailure()).isTrue();
        assertThat(run.getFailureMessage()).isEqualTo("the run was interrupted; never ran: ssm-run-command");
    }

    @Test
    void aLabThatStoppedEarlyWithEveryAssertionPassedErrorsInCi() throws Exception {
        LabReport passed = Reports.lab("a", List.of(Reports.assertion("x", Status.PASS, null)), null);
        LabReport stopped = new LabReport(passed.lab(), Status.ERROR, null, passed.startedAt(), passed.durationMs(),
                passed.steps(), passed.assertions(), passed.teardown(), List.of("lab stopped early: boom"));
        Path xml = ReportFiles.write(Reports.onMoto(stopped), dir, java.util.Set.of(ReportFormat.JUNIT)).get(ReportFormat.JUNIT);

        ReportTestSuite suite = readAsCi(xml).get("a");

        assertThat(suite.getNumberOfErrors()).isEqualTo(1);
        assertThat(casesOf(suite).get(JunitXmlReport.LAB_CASE).hasError()).isTrue();
    }
}
