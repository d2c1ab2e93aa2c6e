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
                "SKIPPED on moto", "Fidelity");
        assertThat(result.out()).containsPattern("disabled-key-refuses-encrypt +SKIPPED +PASS +expected PASS");
    }

    @Test
    void targetsSaysWhichTargetsWorkHereAndHowToFixTheOthers() {
        CliResult result = CliResult.run("targets");

        assertThat(result.out().lines().map(l -> l.split("\\s+")[0]))
                .contains("moto", "localstack", "endpoint", "aws");
        assertThat(result.out()).containsPattern("(?m)^moto +ready ");
        assertThat(result.out().lines().filter(l -> l.contains("not ready")).count())
                .isEqualTo(result.out().lines().filter(l -> l.contains("fix: ")).count());
        assertThat(result.code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void fidelityDrawsTheMatrixFromRunReports() throws Exception {
        ReportJson.write(io.awslabs.report.ReportJsonTest.sample(Status.SKIPPED, TeardownRecord.Outcome.DELETED), dir.resolve("runs"));

        CliResult result = CliResult.run("fidelity", dir.resolve("runs").toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("| `round-trip` | SKIPPED [1] | expected PASS |", "1. moto, `round-trip`: moto cannot");
        assertThat(result.err()).doesNotContain("kms-envelope-encryption");
        CliResult none = CliResult.run("fidelity", Files.createDirectories(dir.resolve("empty")).toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no run reports");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        CliResult result = CliResult.run("--help");

        assertThat(result.out()).contains("Examples:", "labs run --all", "Exit codes:", "4  teardown incomplete");
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
