package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void unknownLabIsAUsageErrorThatSuggestsTheClosestId() {
        CliResult result = CliResult.run("run", "kms-envelope");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown lab 'kms-envelope'").contains("did you mean kms-envelope-encryption");
        assertThat(result.err().lines()).hasSize(2);
    }

    @Test
    void unknownOptionAndUnknownTargetAreUsageErrors() {
        assertThat(CliResult.run("run", "--frobnicate").code()).isEqualTo(ExitCodes.USAGE);
        CliResult target = CliResult.run("run", "kms-envelope-encryption", "--target", "azure");
        assertThat(target.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(target.err()).contains("unknown target 'azure'").contains("moto, localstack, endpoint, aws");
    }

    @Test
    void runWithoutLabsOrWithBothLabsAndAllIsAUsageError() {
        assertThat(CliResult.run("run").err()).contains("no lab given");
        assertThat(CliResult.run("run", "--all", "kms-envelope-encryption").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreachableEndpointIsAnEnvironmentErrorInOneLineWithAHintAndNoStackTrace() {
        CliResult result = CliResult.run("run", "kms-envelope-encryption", "--target", "endpoint",
                "--endpoint-url", "http://127.0.0.1:1", "--report-dir", dir.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(result.err()).contains("unreachable").contains("hint:").doesNotContain("\tat ");
    }

    @Test
    void awsAndCleanupOptionsAreCheckedBeforeAnythingRuns() {
        CliResult badAccount = CliResult.run("run", "kms-envelope-encryption", "--target", "aws", "--account", "12345");
        CliResult badRunId = CliResult.run("cleanup", "--run-id", "NOT-A-RUN");
        CliResult both = CliResult.run("cleanup", "--run-id", "abc12345", "--all");
        CliResult moto = CliResult.run("cleanup", "--all", "--target", "moto");
        CliResult duration = CliResult.run("cleanup", "--older-than", "soon");

        assertThat(badAccount.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badAccount.err()).contains("--account 12345 is not an AWS account id (12 digits)");
        assertThat(badRunId.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRunId.err()).contains("'NOT-A-RUN' is not a run id");
        assertThat(both.err()).contains("give --run-id or --all, not both");
        assertThat(moto.err()).contains("searches aws or an endpoint, not moto");
        assertThat(duration.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(duration.err()).contains("'soon' is not a duration such as 30m, 2h or 7d");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("90s")).hasSeconds(90);
        assertThat(converter.convert("30m")).hasMinutes(30);
        assertThat(converter.convert("2h")).hasHours(2);
        assertThat(converter.convert("7d")).hasDays(7);
        assertThat(converter.convert("PT2H")).hasHours(2);
    }

    @Test
    void listShowsIdTitleAndServices() {
        CliResult result = CliResult.run("list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("kms-envelope-encryption").contains("KMS envelope encryption").contains("kms");
    }

    @Test
    void describeShowsConceptAssertionsCostAndKnownGaps() {
        CliResult result = CliResult.run("describe", "kms-envelope-encryption");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Concept", "Exam angle", "direct-limit-4096-bytes", "Cost of one run on AWS",
                "SKIPPED on moto");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        CliResult result = CliResult.run("--help");

        assertThat(result.out()).contains("Examples:", "labs run --all", "Exit codes:", "4  teardown incomplete",
                "cleanup", "labs cleanup --run-id <run-id> --force");
    }

    @Test
    void everySubcommandHasHelpAsItsUsageErrorsSuggest() {
        CliResult run = CliResult.run("run", "--help");
        CliResult cleanup = CliResult.run("cleanup", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: labs run", "--account=ID", "--allow-prod-alias", "--yes");
        assertThat(cleanup.code()).isZero();
        assertThat(cleanup.out()).contains("Usage: labs cleanup", "--older-than=DURATION", "--force");
    }

    @Test
    void versionIsPrinted() {
        CliResult result = CliResult.run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("aws-labs ");
    }

    @Test
    void reportCheckExitCodesFollowTheReport() throws Exception {
        Path good = ReportJson.write(io.awslabs.report.ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED), dir.resolve("good"));
        Path bad = ReportJson.write(io.awslabs.report.ReportJsonTest.sample(Status.ERROR, TeardownRecord.Outcome.DELETED), dir.resolve("bad"));
        Path foreign = Files.writeString(dir.resolve("x.json"), "[1, 2, 3]");

        assertThat(CliResult.run("report", "check", good.toString()).code()).isEqualTo(ExitCodes.OK);
        assertThat(CliResult.run("report", "check", bad.toString()).code()).isEqualTo(ExitCodes.NOT_PROVEN);
        CliResult invalid = CliResult.run("report", "check", foreign.toString());
        assertThat(invalid.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalid.err()).contains("not an aws-labs run report");
    }

    @Test
    void exitCodeFavoursLeftoversOverFailures() {
        RunReport failedAndLeaked = io.awslabs.report.ReportJsonTest.sample(Status.FAIL, TeardownRecord.Outcome.FAILED);
        RunReport failed = io.awslabs.report.ReportJsonTest.sample(Status.FAIL, TeardownRecord.Outcome.DELETED);
        RunReport skipped = io.awslabs.report.ReportJsonTest.sample(Status.SKIPPED, TeardownRecord.Outcome.ALREADY_GONE);

        assertThat(RunCommand.exitCode(failedAndLeaked)).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        assertThat(RunCommand.exitCode(failed)).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(RunCommand.exitCode(skipped)).isEqualTo(ExitCodes.OK);
    }
}
