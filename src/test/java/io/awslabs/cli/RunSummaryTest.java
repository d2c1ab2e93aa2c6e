package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.FidelityMatrix;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.Reports;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.Verdict;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.TextFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a learner reads when {@code labs run} is done: what was proven here, and what to do next. */
class RunSummaryTest {
    private static final RunReport.TargetInfo LOCALSTACK =
            new RunReport.TargetInfo("localstack", "http://127.0.0.1:4566", "us-east-1", null);

    /** LocalStack proves b; nothing proves c but AWS. */
    private static final Optional<FidelityMatrix> MATRIX = Optional.of(FidelityMatrix.of(List.of(Reports.run(LOCALSTACK,
            Reports.lab("kms-envelope-encryption", List.of(Reports.assertion("a", Status.PASS, null),
                    Reports.assertion("b", Status.PASS, null), Reports.assertion("c", Status.SKIPPED, "gap")), null)))));

    private static final RunReport ON_MOTO = Reports.onMoto(Reports.lab("kms-envelope-encryption", List.of(
            Reports.assertion("a", Status.PASS, null), Reports.assertion("b", Status.SKIPPED, "moto gap"),
            Reports.assertion("c", Status.SKIPPED, "moto gap")), TeardownRecord.Outcome.DELETED));

    private static String printed(RunReport report, Map<ReportFormat, Path> files, boolean cleanup) {
        return printed(report, files, cleanup, Lang.EN);
    }

    private static String printed(RunReport report, Map<ReportFormat, Path> files, boolean cleanup, Lang lang) {
        RunSummary summary = new RunSummary(report, Verdict.of(report), MATRIX, new Terminal(false), lang);
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        summary.print(writer, files);
        summary.printNextSteps(writer, files, cleanup);
        writer.flush();
        return out.toString();
    }

    @Test
    void aPartlyProvenRunSaysWhatWasProvenHereAndWhereTheRestCanBe() {
        String out = printed(ON_MOTO, Map.of(ReportFormat.JSON, Path.of("reports/abc12345.json")), false);

        assertThat(out).contains("PARTIAL  kms-envelope-encryption  (1.0 s)",
                "1 passed, 0 failed, 2 skipped, 0 errors; teardown: 0 failed, 0 kept",
                "Partly proven: 1 of 3 proven on moto; 2 not shown here: 1 can be proven with --target localstack, "
                        + "1 only on AWS",
                "report: reports/abc12345.json");
    }

    @Test
    void aKeyScheduledForDeletionIsListedWithItsDateAndNotAsLeftBehind() {
        LabReport lab = Reports.lab("kms-envelope-encryption", List.of(Reports.assertion("a", Status.PASS, null)), null);
        LabReport scheduled = new LabReport(lab.lab(), lab.status(), null, lab.startedAt(), lab.durationMs(), lab.steps(),
                lab.assertions(), List.of(new TeardownRecord("KMS key", "arn:k", TeardownRecord.Outcome.SCHEDULED,
                        "KMS deletes it after the 7-day minimum waiting period", 5, Instant.parse("2026-12-09T07:00:00Z"))),
                lab.notes());

        String out = printed(Reports.onMoto(scheduled), Map.of(ReportFormat.JSON, Path.of("r.json")), false);

        assertThat(out).contains("    SCHEDULED    KMS key arn:k: KMS deletes it after the 7-day minimum waiting period; "
                + "deleted on 2026-12-09T07:00:00Z", "Proven").doesNotContain("LEFT BEHIND");
    }

    @Test
    void everyRunEndsWithWhatToDoNext() {
        Map<ReportFormat, Path> files = new LinkedHashMap<>();
        files.put(ReportFormat.JSON, Path.of("reports/abc12345.json"));
        files.put(ReportFormat.HTML, Path.of("reports/abc12345.html"));

        List<String> lines = printed(ON_MOTO, files, true).lines().toList();

        int next = lines.indexOf(lines.stream().filter(l -> l.startsWith("next: ")).findFirst().orElseThrow());
        assertThat(lines.subList(next, lines.size())).satisfiesExactly(
                l -> assertThat(l).startsWith("next: labs report show reports/abc12345.json").endsWith("# each assertion, "
                        + "expected against actual"),
                l -> assertThat(l).startsWith("      open reports/abc12345.html").contains("in a browser"),
                l -> assertThat(l).startsWith("      labs run kms-envelope-encryption --target localstack")
                        .endsWith("# proves 1 that moto could not show"),
                l -> assertThat(l).startsWith("      labs run kms-envelope-encryption --target aws --profile NAME --account ID")
                        .endsWith("# 1 can be shown only on AWS (a sandbox account; it costs money)"),
                l -> assertThat(l).startsWith("      labs cleanup --run-id abc12345"));
    }

    @Test
    void withoutAnHtmlReportTheNextStepSaysHowToGetOne() {
        String out = printed(Reports.oneAssertion(Status.PASS, null), Map.of(ReportFormat.JSON, Path.of("r/abc12345.json")), false);

        assertThat(out).contains("Proven: 1 of 1 proven on moto", "--report-format html").doesNotContain("--target localstack");
    }

    @Test
    void leftoversLeadTheHeadline() {
        RunReport leaked = Reports.onMoto(Reports.lab("a", List.of(Reports.assertion("x", Status.PASS, null)),
                TeardownRecord.Outcome.FAILED));

        assertThat(new RunSummary(leaked, Verdict.of(leaked), MATRIX, new Terminal(false), Lang.EN).headline()).isEqualTo(
                "Teardown incomplete: 1 resource(s) left behind, they may still exist and cost money; 1 of 1 proven on moto");
    }

    @Test
    void aChineseRunEndsInChineseWithTheReportsTranslatedReasons() {
        RunReport report = Reports.onMoto(Reports.lab("kms-envelope-encryption", List.of(
                Reports.assertion("a", Status.PASS, null),
                Reports.assertion("b", Status.SKIPPED, "moto gap").translated(Lang.ZH,
                        new AssertionRecord.Translation("陈述 b", "moto 的已知差异")),
                Reports.assertion("c", Status.SKIPPED, "moto gap")), TeardownRecord.Outcome.FAILED));
        Map<ReportFormat, Path> files = new LinkedHashMap<>();
        files.put(ReportFormat.JSON, Path.of("reports/abc12345.json"));
        files.put(ReportFormat.HTML, Path.of("reports/abc12345.html"));

        String out = printed(report, files, true, Lang.ZH);

        assertThat(out).contains("    SKIP   b：moto 的已知差异", "    SKIP   c：moto gap",
                "    未删除      KMS key arn:kms-envelope-encryption（FAILED）",
                "通过 1，失败 0，跳过 2，出错 0；清理：失败 1，保留 0",
                "清理未完成：有 1 个资源没有删除，它们可能仍然存在并继续产生费用；3 条断言中，1 条在 moto 上得到证明",
                "报告：reports/abc12345.json", "报告：reports/abc12345.html",
                "# 逐条查看断言，预期与实际对照", "# 可以证明 moto 展示不了的 1 条", "# 查看这次运行留下的资源，加上 --force 即可删除")
                .doesNotContain("report:", "next:", "left behind", "proves", "passed");
    }

    @Test
    void theNextStepsLineUpUnderTheWideChineseLabel() {
        List<String> steps = printed(ON_MOTO, Map.of(ReportFormat.JSON, Path.of("reports/abc12345.json")), true, Lang.ZH)
                .lines().dropWhile(l -> !l.startsWith("下一步：")).toList();

        assertThat(steps).hasSize(5);
        assertThat(steps).extracting(l -> Columns.of(l.substring(0, l.indexOf("labs "))))
                .containsOnly(Columns.of("下一步： "));
        assertThat(steps).extracting(l -> Columns.of(l.substring(0, l.indexOf("# ")))).containsOnly(
                Columns.of(steps.get(0).substring(0, steps.get(0).indexOf("# "))));
    }

    /** A sentence of the summary or of 'labs report show' that reads English in Chinese fails here, with its key. */
    @Test
    void everySentenceOfTheSummaryAndOfReportShowHasItsChinese() {
        Map<String, String> english = TextFile.read(RunSummary.class, Messages.fileName("summary", Lang.EN)).orElseThrow();
        Map<String, String> chinese = TextFile.read(RunSummary.class, Messages.fileName("summary", Lang.ZH)).orElseThrow();

        assertThat(english.entrySet()).filteredOn(e -> e.getValue().replaceAll("\\{\\d}|'[^']*'|--[a-z-]+|\\$", "")
                        .matches(".*[A-Za-z]{2,}.*"))
                .allSatisfy(e -> assertThat(chinese.get(e.getKey())).as(e.getKey()).containsPattern("\\p{IsHan}"));
    }
}
