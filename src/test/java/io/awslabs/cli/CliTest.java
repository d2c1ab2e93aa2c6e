package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.report.ReportFixture;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    void aLabOptionNoSelectedLabDeclaresOrOfTheWrongTypeIsRefusedBeforeAnythingStarts() {
        CliResult unknown = CliResult.run("run", "cloudfront-private-origin", "--option", "wait-deploy=true");
        CliResult wrongType = CliResult.run("run", "cloudfront-private-origin", "--option", "wait-deployed=maybe");
        CliResult notSeconds = CliResult.run("run", "ssm-run-command", "--option", "registration-timeout-seconds=abc");

        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("did you mean 'wait-deployed'").doesNotContain("moto");
        assertThat(wrongType.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongType.err()).contains("expected true or false");
        assertThat(notSeconds.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notSeconds.err().lines()).hasSize(2);
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
        assertThat(duration.err()).contains("--older-than 'soon' is not a duration such as 90s, 30m, 2h or 7d");
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
    void targetsInChineseSaysReadyOrNotAndTheFixInChineseWithTheTargetsNamesAsTyped() {
        CliResult result = CliResult.run("targets", "--lang", "zh");

        assertThat(result.out().lines().map(l -> l.split("\\s+")[0]))
                .contains("moto", "localstack", "endpoint", "aws");
        assertThat(result.out()).containsPattern("(?m)^moto +就绪 +moto \\d")
                .doesNotContain("ready", "fix:", "not ready");
        assertThat(result.out().lines().filter(l -> l.contains("未就绪")).count())
                .isEqualTo(result.out().lines().filter(l -> l.contains("修复：")).count());
        assertThat(result.out().lines()).allSatisfy(l -> assertThat(l).containsPattern("\\p{IsHan}"));
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
    void fidelityLeavesInterruptedRunsOutAndSaysSo() throws Exception {
        Path runs = dir.resolve("runs");
        ReportJson.write(io.awslabs.report.ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED), runs);
        RunReport interrupted = io.awslabs.report.Reports.oneAssertion(Status.ERROR, "not reached");
        Path partial = ReportJson.write(new RunReport(interrupted.schema(), interrupted.schemaVersion(), "0.1.0", "zzzzzzz1",
                interrupted.target(), interrupted.startedAt(), interrupted.finishedAt().plusSeconds(60), interrupted.timings(),
                interrupted.labs(), interrupted.totals()).interruptedBefore(java.util.List.of()), runs);

        CliResult result = CliResult.run("fidelity", runs.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("| `round-trip` | PASS | expected PASS |").doesNotContain("zzzzzzz1");
        assertThat(result.err()).contains("labs: note: " + partial + " is an interrupted run; left out of the matrix");
        CliResult zh = CliResult.run("fidelity", runs.toString(), "--markdown", dir.resolve("f.md").toString(), "--lang", "zh");
        assertThat(zh.err()).contains("labs: 说明：" + partial + " 是一次被中断的运行，不计入矩阵",
                "labs: 说明：没有任何报告覆盖 ssm-run-command，所以矩阵里没有它");
        assertThat(zh.out()).contains(dir.resolve("f.md") + "：来自 1 份报告的 1 条断言");
        assertThat(Files.readString(dir.resolve("f.md"))).as("the matrix stays the project's English record")
                .doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        CliResult result = CliResult.run("--help");

        assertThat(result.out()).contains("Examples:", "labs run --all", "Exit codes:", "4    teardown incomplete",
                "130  interrupted by Ctrl-C", "cleanup", "labs cleanup --run-id <run-id> --force");
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
    void everySubcommandHasHelpAsTheUsageHintsPromise() {
        CliResult run = CliResult.run("run", "--help");
        CliResult show = CliResult.run("report", "show", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--report-format=FORMAT", "html", "junit", "md");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("Usage: labs report show", "NO_COLOR");
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

        assertThat(ExitCodes.ofRun(Verdict.of(failedAndLeaked))).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        assertThat(ExitCodes.ofRun(Verdict.of(failed))).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(ExitCodes.ofRun(Verdict.of(skipped))).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnknownReportFormatIsAUsageErrorBeforeAnyLabRuns() {
        CliResult result = CliResult.run("run", "kms-envelope-encryption", "--report-format", "html,pdf",
                "--report-dir", dir.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("labs: --report-format: unknown report format 'pdf'",
                        "hint: choose from json, html, junit, md")
                .doesNotContain("moto");
    }

    @Test
    void reportShowPrintsEachAssertionExpectedAgainstActualAndTheTeardownTable() throws Exception {
        Path file = ReportJson.write(ReportFixture.mixed(), dir);

        CliResult result = CliResult.run("report", "show", file.toString());

        assertThat(result.code()).as("a report with a failure exits like 'report check'").isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(result.out()).contains("aws-labs run fx7k2m9q on moto at http://127.0.0.1:5000",
                "ERROR    s3-presigned-upload  S3 presigned upload  (1 min 04 s)",
                "  PASS   presigned-put-uploads  (42 ms)",
                "         A presigned PUT URL uploads without credentials",
                "  FAIL   expired-url-refused  (1 min 01 s)",
                "         expected: status after expiry: 403",
                "         actual:   status after expiry: 200",
                "  SKIP   signature-checked",
                "         reason: known moto gap",
                "    FAILED        S3 bucket  labs-s3-presigned-upload-fx7k2m9q  (80 ms)  AccessDenied (403)",
                "    ALREADY_GONE  IAM user   labs-uploader",
                "  teardown: nothing was created",
                "Teardown incomplete: resources were left behind",
                "1 passed, 1 failed, 2 skipped, 1 errors; teardown: 1 failed, 0 kept");
        assertThat(result.out()).as("no colour off a terminal").doesNotContain("\u001b[");
        assertThat(result.out()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void reportShowOfACleanRunExitsZero() throws Exception {
        Path file = ReportJson.write(io.awslabs.report.ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED), dir);

        CliResult result = CliResult.run("report", "show", file.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Proven: every assertion passed");
    }

    @Test
    void checkAndShowPrintEachSchemaViolationOnItsOwnLineWithItsJsonPointer() throws Exception {
        ObjectNode json = (ObjectNode) ReportJson.MAPPER.readTree(ReportJson.render(ReportFixture.mixed()));
        ((ObjectNode) json.at("/labs/0/assertions/1")).put("status", "MAYBE");
        ((ObjectNode) json.at("/totals")).remove("kept");
        Path file = Files.writeString(dir.resolve("edited.json"), json.toString());

        for (String command : new String[] {"check", "show"}) {
            CliResult result = CliResult.run("report", command, file.toString());

            assertThat(result.code()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err().lines()).as(command).containsExactly(
                    "labs: " + file + ": at \"/labs/0/assertions/1/status\": does not have a value in the enumeration "
                            + "[\"PASS\", \"FAIL\", \"SKIPPED\", \"ERROR\"]",
                    "labs: " + file + ": at \"/totals\": required property 'kept' not found",
                    "hint: pass a JSON report written by 'labs run' (reports/<run-id>.json); "
                            + "'labs report schema' prints the schema it must follow");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void reportSchemaPrintsThePublishedSchema() throws Exception {
        CliResult result = CliResult.run("report", "schema");

        JsonNode schema = ReportJson.MAPPER.readTree(result.out());
        assertThat(schema.path("$id").asText()).isEqualTo("urn:aws-labs:run-report:1");
        assertThat(schema.at("/properties/schema/const").asText()).isEqualTo(RunReport.SCHEMA);
    }

    @Test
    void noColorWinsOverATerminalAndNothingIsColouredOffOne() {
        assertThat(Terminal.wantsColour(true, null)).isTrue();
        assertThat(Terminal.wantsColour(true, "")).as("NO_COLOR set but empty does not count").isTrue();
        assertThat(Terminal.wantsColour(true, "1")).isFalse();
        assertThat(Terminal.wantsColour(false, null)).isFalse();
    }

    @Test
    void onATerminalStatusesAndTeardownOutcomesAreColoured() {
        StringWriter text = new StringWriter();
        new TerminalReport(new Terminal(true), 100, io.awslabs.text.Lang.EN).print(ReportFixture.mixed(), new PrintWriter(text));

        assertThat(text.toString()).contains("\u001b[32mPASS \u001b[0m", "\u001b[31mFAIL \u001b[0m",
                "\u001b[33mSKIP \u001b[0m", "\u001b[31mFAILED      \u001b[0m");
    }
}
