package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.ReportFixture;
import io.awslabs.report.ReportJson;
import io.awslabs.report.Reports;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labs report check|show|list} over several files, as a CI glob gives them. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private static RunReport finishedAt(RunReport r, String runId, String when) {
        return new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), runId, r.target(), Instant.parse(when).minusSeconds(2),
                Instant.parse(when), r.timings(), r.labs(), r.totals(), r.interrupted());
    }

    @Test
    void checkJudgesEveryFileAndTheWorstWins() throws Exception {
        Path passed = ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "aaaaaaa1", "2026-11-22T07:00:00Z"), dir);
        Path failed = ReportJson.write(finishedAt(Reports.oneAssertion(Status.FAIL, null), "bbbbbbb2", "2026-11-22T08:00:00Z"), dir);
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {0x1f, (byte) 0x8b, 0, 0});

        CliResult bothValid = CliResult.run("report", "check", passed.toString(), failed.toString());
        CliResult withInvalid = CliResult.run("report", "check", passed.toString(), empty.toString(), binary.toString());

        assertThat(bothValid.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(bothValid.out()).contains("OK  " + passed + ": run aaaaaaa1 on moto, 1 passed",
                "NOT PROVEN  kms-envelope-encryption/round-trip: FAIL", failed + ": Not proven, 1 problem(s)");
        assertThat(withInvalid.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(withInvalid.out()).contains("OK  " + passed);
        assertThat(withInvalid.err().lines()).containsExactly(
                "labs: " + empty + ": empty file: a report is the JSON 'labs run' writes",
                "labs: " + binary + ": not a text file (a report is UTF-8 JSON)",
                "hint: pass a JSON report written by 'labs run' (reports/<run-id>.json); "
                        + "'labs report schema' prints the schema it must follow");
    }

    @Test
    void showPrintsEveryValidReportAndExitsLikeCheck() throws Exception {
        Path passed = ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "aaaaaaa1", "2026-11-22T07:00:00Z"), dir);
        Path skipped = ReportJson.write(finishedAt(Reports.onMoto(Reports.lab("kms-envelope-encryption", List.of(
                Reports.assertion("round-trip", Status.PASS, null), Reports.assertion("disabled-key", Status.SKIPPED, "gap")),
                null)), "bbbbbbb2", "2026-11-22T08:00:00Z"), dir);

        CliResult result = CliResult.run("report", "show", passed.toString(), skipped.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("aws-labs run aaaaaaa1", "aws-labs run bbbbbbb2", "Proven: ", "Partly proven: ",
                "PARTIAL  kms-envelope-encryption", "PASS     kms-envelope-encryption");
    }

    @Test
    void showLatestPicksTheNewestValidReportInTheReportDir() throws Exception {
        ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "older001", "2026-11-22T07:00:00Z"), dir);
        ReportJson.write(finishedAt(Reports.oneAssertion(Status.FAIL, null), "newer001", "2026-11-22T09:00:00Z"), dir);
        Files.writeString(dir.resolve("zzzzzzzz.json"), "{}");

        CliResult latest = CliResult.run("report", "show", "--latest", "--report-dir", dir.toString());

        assertThat(latest.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(latest.out()).contains("aws-labs run newer001").doesNotContain("older001");
        CliResult none = CliResult.run("report", "show", "--latest", "--report-dir", dir.resolve("nowhere").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no report directory " + dir.resolve("nowhere"));
        assertThat(CliResult.run("report", "show").err()).contains("no report given", "--latest");
    }

    @Test
    void listShowsTheReportsNewestFirstWithRunTargetDateAndVerdict() throws Exception {
        ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "older001", "2026-11-22T07:00:00Z"), dir);
        ReportJson.write(finishedAt(Reports.oneAssertion(Status.SKIPPED, "gap"), "newer001", "2026-11-22T09:30:00Z")
                .interruptedBefore(List.of("kms-envelope-encryption", "ssm-run-command")), dir);
        ReportJson.write(ReportFixture.mixed(), dir);
        Files.writeString(dir.resolve("notes.txt"), "not a report");

        CliResult result = CliResult.run("report", "list", "--report-dir", dir.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("RUN +TARGET +FINISHED +VERDICT +LABS +FILE");
        assertThat(lines.get(1)).matches("newer001 +moto +2026-11-22 09:30 UTC +Not proven \\(interrupted\\) +1 +.*newer001.json");
        assertThat(lines.get(2)).matches("fx7k2m9q +moto +2026-11-22 07:01 UTC +Teardown incomplete +2 +.*");
        assertThat(lines.get(3)).matches("older001 +moto +2026-11-22 07:00 UTC +Proven +1 +.*");
        assertThat(lines).hasSize(4);
    }

    @Test
    void checkAndListSpeakChineseWhileOkAndNotProvenStayTheWordsCiLooksFor() throws Exception {
        Path passed = ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "aaaaaaa1", "2026-11-22T07:00:00Z"), dir);
        Path failed = ReportJson.write(finishedAt(Reports.oneAssertion(Status.FAIL, null), "bbbbbbb2", "2026-11-22T08:00:00Z"), dir);
        Path leaked = ReportJson.write(ReportFixture.mixedWithChinese(), dir);

        CliResult check = CliResult.runIn(Map.of("LANG", "zh_CN.UTF-8"), "report", "check", passed.toString(),
                failed.toString(), leaked.toString());
        CliResult list = CliResult.run("report", "list", "--report-dir", dir.toString(), "--lang", "zh");

        assertThat(check.code()).isNotEqualTo(ExitCodes.OK);
        assertThat(check.out()).contains("OK  " + passed + "：运行 aaaaaaa1，目标 moto，通过 1，有原因的跳过 0，清理完整",
                "NOT PROVEN  kms-envelope-encryption/round-trip：FAIL", failed + "：未证明，共 1 个问题",
                "NOT PROVEN  s3-presigned-upload/expired-url-refused：FAIL", leaked + "：清理未完成，共 3 个问题",
                "NOT PROVEN  s3-presigned-upload：S3 bucket labs-s3-presigned-upload-fx7k2m9q 没有被删除（FAILED）").doesNotContain("problem(s)", "was not deleted", "run aaaaaaa1 on");
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).matches("运行 +目标环境 +结束时间 +结论 +实验数 +文件");
        assertThat(lines.get(1)).matches("bbbbbbb2 +moto +2026-11-22 08:00 UTC +未证明 +1 +.*bbbbbbb2.json");
        assertThat(lines.get(3)).matches("aaaaaaa1 +moto +2026-11-22 07:00 UTC +已证明 +1 +.*");
    }

    @Test
    void showReadsInTheLocalesLanguageWithTheReportsTranslations() throws Exception {
        Path file = ReportJson.write(ReportFixture.mixedWithChinese(), dir);

        CliResult zh = CliResult.runIn(Map.of("LANG", "zh_CN.UTF-8"), "report", "show", file.toString());
        CliResult en = CliResult.run("report", "show", file.toString(), "--lang", "en");

        assertThat(zh.code()).isEqualTo(en.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(zh.out()).contains("aws-labs 运行 " + ReportFixture.RUN_ID + "，目标环境：moto",
                ReportFixture.TITLE_ZH, ReportFixture.PASS_ZH, "原因：" + ReportFixture.SKIP_REASON_ZH, "预期：", "实际：",
                "在 AWS 上每次运行约 $", "  清理\n", "清理未完成：有资源被留下了", "通过 1，失败 1，跳过 2，出错 1")
                .doesNotContain("expected:", "reason:", "teardown", "per run on AWS", "before reports carried Chinese",
                        "报告生成于报告带有中文之前");
        assertThat(zh.out()).as("an assertion without a translation keeps its English statement")
                .contains("A presigned URL is refused after it expires");
        assertThat(en.out()).contains("S3 presigned upload", "A presigned PUT URL uploads without credentials",
                "Teardown incomplete: ").doesNotContain(ReportFixture.TITLE_ZH);
    }

    @Test
    void aReportFromBeforeTranslationsSaysOnceThatItsTextsAreEnglish() throws Exception {
        Path file = ReportJson.write(ReportFixture.mixed(), dir);

        String out = CliResult.run("--lang", "zh", "report", "show", file.toString()).out();

        assertThat(out.split("报告带有中文之前", -1)).hasSize(2);
        assertThat(out).contains("A presigned PUT URL uploads without credentials", "清理未完成：");
    }

    @Test
    void aReportIsRenderedAgainInTheOtherLanguage() throws Exception {
        Path file = ReportJson.write(ReportFixture.mixedWithChinese(), dir);
        Path page = dir.resolve("run.zh.html");

        CliResult html = CliResult.run("report", "show", file.toString(), "--lang", "zh", "--format", "html",
                "--output", page.toString());
        CliResult md = CliResult.run("report", "show", file.toString(), "--format", "md");

        assertThat(html.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(html.out()).isEmpty();
        assertThat(Files.readString(page)).contains("<html lang=\"zh-CN\"", ReportFixture.TITLE_ZH, ReportFixture.PASS_ZH);
        assertThat(md.out()).contains("## S3 presigned upload (`s3-presigned-upload`)", "| Status | Assertion |")
                .doesNotContain(ReportFixture.TITLE_ZH);
    }

    @Test
    void aDocumentIsOneReportAndOutputNeedsADocument() throws Exception {
        Path a = ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "aaaaaaa1", "2026-11-22T07:00:00Z"), dir);
        Path b = ReportJson.write(finishedAt(Reports.oneAssertion(Status.PASS, null), "bbbbbbb2", "2026-11-22T08:00:00Z"), dir);

        CliResult two = CliResult.run("report", "show", a.toString(), b.toString(), "--format", "md");
        CliResult output = CliResult.runIn(Map.of("LANG", "zh_CN.UTF-8"), "report", "show", a.toString(), "--output", "x.html");
        CliResult unknown = CliResult.run("report", "show", a.toString(), "--format", "pdf");

        assertThat(two.code()).isEqualTo(output.code()).isEqualTo(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).startsWith("labs: --format md renders one report, not 2\nhint: give one report file");
        assertThat(output.err().lines()).containsExactly("labs: --output 写出的是一份文档：需要同时指定 --format html 或 --format md",
                "提示：用 labs report show FILE --format html --output FILE.html；想直接在这里看就去掉 --output");
        assertThat(unknown.err().lines()).containsExactly("labs: --format 'pdf' is not a format of report show",
                "hint: text (the terminal), html (the page) or md (the Markdown document)");
    }
}
