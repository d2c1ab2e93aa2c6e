package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.lab.ResourceLedger;
import io.awslabs.resources.Gone;
import io.awslabs.resources.Scheduled;
import io.awslabs.resources.TeardownWords;
import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The documents for people in Chinese: headings, verdict and totals in Chinese, the lab's texts
 * from the report's translations, and English wherever a report has none (one written before
 * reports carried translations). Status words, ids, AWS names and evidence stay as recorded.
 */
class ReportsInChineseTest {
    private static final String TITLE_ZH = ReportFixture.TITLE_ZH;
    private static final String CONCEPT_ZH = ReportFixture.CONCEPT_ZH;
    private static final String PASS_ZH = ReportFixture.PASS_ZH;
    private static final String SKIP_REASON_ZH = ReportFixture.SKIP_REASON_ZH;
    private static final String KMS_NOTE_ZH = "KMS 密钥无法立即删除：清理时会为每个实验密钥安排在 7 天后删除（这是最短等待期，"
            + "AWS 允许 7 到 30 天），在此期间密钥不可使用。";

    @TempDir
    Path dir;

    private static RunReport translated() {
        return ReportFixture.mixedWithChinese();
    }

    @Test
    void markdownInChineseHasChineseHeadingsAndTheTranslatedTexts() {
        String md = MarkdownReport.render(translated(), Lang.ZH);

        assertThat(md).contains("**清理未完成**：有资源被留下了", "| 状态 | 断言 | 它证明了什么 | 用时 |",
                "**在这里没有证明的断言**", "<details><summary>证据</summary>", "**清理：**已删除 1，早已不存在 1，删除失败 1",
                "| 结果 | 资源 | ID | 信息 |", "**考试角度：** 谁能使用预签名 URL，能用到什么时候？", "> " + CONCEPT_ZH,
                "## " + TITLE_ZH + "（`s3-presigned-upload`）：ERROR", "| PASS | `presigned-put-uploads` | " + PASS_ZH + " |",
                "- `signature-checked`（SKIPPED）：" + SKIP_REASON_ZH,
                "- `expired-url-refused`（FAIL）：期望 `status after expiry: 403`，实际 `status after expiry: 200`",
                "通过 1，失败 1，跳过 2，出错 1；清理：失败 1，保留 0", "*凭证、预签名 URL 的签名和私钥都已脱敏。");
        assertThat(md).as("an assertion without a translation keeps its English statement")
                .contains("| FAIL | `expired-url-refused` | A presigned URL is refused after it expires |");
        assertThat(md).doesNotContain("Exam angle", "Not proven here", "What it shows", "| Outcome |");
    }

    @Test
    void anOldReportWithoutTranslationsReadsInEnglishUnderChineseHeadings() {
        RunReport old = ReportFixture.mixed();
        assertThat(old.labs().get(0).lab().translations()).isEmpty();

        String md = MarkdownReport.render(old, Lang.ZH);
        String html = HtmlReport.render(old, Lang.ZH);

        assertThat(md).contains("## S3 presigned upload（`s3-presigned-upload`）：ERROR",
                "> A presigned URL carries the signer's permissions for a limited time.",
                "**考试角度：** Who can use a presigned URL, and until when?",
                "| PASS | `presigned-put-uploads` | A presigned PUT URL uploads without credentials |",
                "- `signature-checked`（SKIPPED）：known moto gap: presigned signatures are not validated");
        assertThat(html).contains("<h3>断言</h3>", "<span class=\"statement\">A presigned PUT URL uploads without credentials</span>",
                "<strong>考试角度：</strong> Who can use a presigned URL, and until when?");
    }

    @Test
    void htmlInChineseDeclaresItsLanguageAndTranslatesEveryHeading() {
        String html = HtmlReport.render(translated(), Lang.ZH);

        assertThat(html).contains("<html lang=\"zh-CN\">", "<title>aws-labs 运行 fx7k2m9q：清理未完成</title>",
                "<h1>aws-labs 运行 <code>fx7k2m9q</code></h1>", "<strong>清理未完成</strong>有资源被留下了",
                "<h3>实验</h3>", "<th>状态</th><th>实验</th><th class=\"num\">通过</th>", "<h3>断言</h3>", "<h3>步骤</h3>",
                "<h3>清理</h3>", "<h3>说明</h3>", "<span>" + TITLE_ZH + "</span>", "<p class=\"concept\">" + CONCEPT_ZH + "</p>",
                "<span class=\"statement\">" + PASS_ZH + "</span>", "<span class=\"why\">" + SKIP_REASON_ZH + "</span>",
                "<dt>期望</dt>", "<th>检查</th><th>期望</th><th>实际</th><th>成立</th>", "<th>证据</th><th>值</th>",
                "<span class=\"badge PASS\">PASS</span>", "在 AWS 上每次运行约 $0.01", "由 aws-labs 0.1.0 根据 <code>fx7k2m9q.json</code>");
        assertThat(html).doesNotContain("<h3>Assertions</h3>", "Exam angle", "Written by", "<html lang=\"en\">");
    }

    @Test
    void notesAndTeardownMessagesTheRunWordedReadInChineseAndWhatAwsSaidStaysAsSaid() {
        RunReport r = withWordedTeardownAndNotes();

        String md = MarkdownReport.render(r, Lang.ZH);
        String html = HtmlReport.render(r, Lang.ZH);

        assertThat(md).contains("| SCHEDULED | KMS key | `arn:k` | KMS 会在 7 天的最短等待期过后删除它；将于 2026-12-09T07:00:00Z 删除 |",
                "| ALREADY_GONE | SQS queue | `q` | 没有名为 labs-q 的队列 |", "- " + KMS_NOTE_ZH,
                "| FAILED | S3 bucket | `b` | AwsServiceException (403 AccessDenied) |");
        assertThat(html).contains("KMS 会在 7 天的最短等待期过后删除它；将于 2026-12-09T07:00:00Z 删除",
                "<li>" + KMS_NOTE_ZH + "</li>");
        assertThat(md + html).doesNotContain("KMS deletes it after", "no queue named", "cannot be deleted at once");
        assertThat(MarkdownReport.render(r, Lang.EN)).contains("KMS deletes it after the 7-day minimum waiting period",
                "no queue named labs-q", "KMS keys cannot be deleted at once").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void theJsonKeepsTheEnglishAndCarriesTheChineseBesideIt() throws Exception {
        RunReport r = withWordedTeardownAndNotes();

        Path file = ReportJson.write(r, dir);
        RunReport read = ReportJson.read(file);

        LabReport lab = read.labs().get(0);
        assertThat(lab.teardown()).isEqualTo(r.labs().get(0).teardown());
        assertThat(lab.translations()).isEqualTo(r.labs().get(0).translations());
        assertThat(lab.notes()).first().asString().startsWith("KMS keys cannot be deleted at once");
        assertThat(lab.notes(Lang.ZH)).first().isEqualTo(KMS_NOTE_ZH);
        assertThat(lab.teardown().get(0).message()).isEqualTo("KMS deletes it after the 7-day minimum waiting period");
        assertThat(new ReportChecker().check(file).invalid()).isEmpty();
    }

    @Test
    void anOldReportWithoutTranslatedNotesOrTeardownLoadsAndReadsInEnglish() throws Exception {
        Path file = ReportJson.write(ReportFixture.mixed(), dir);
        JsonNode lab = new ObjectMapper().readTree(file.toFile()).get("labs").get(0);
        assertThat(lab.has("translations")).isFalse();
        lab.get("teardown").forEach(t -> assertThat(t.has("translations")).isFalse());

        LabReport read = ReportJson.read(file).labs().get(0);

        assertThat(read.notes(Lang.ZH)).isEqualTo(read.notes());
        assertThat(read.teardown()).allSatisfy(t -> assertThat(t.message(Lang.ZH)).isEqualTo(t.message()));
    }

    /** The fixture's first lab as a run on a KMS key and a queue writes it now, through the ledger and a run note. */
    @Test
    void stepsAndTheirOutcomesReadInChineseWhileTheJsonKeepsTheEnglishNames() throws Exception {
        RunReport r = withSteps(List.of(
                new StepRecord("provision", ReportFixture.T0, 900, "ok", Map.of("zh", new StepRecord.Translation("创建资源"))),
                new StepRecord("launch the instance", ReportFixture.T0.plusMillis(100), 700, "failed: InsufficientInstanceCapacity",
                        Map.of("zh", new StepRecord.Translation("启动实例")))));

        String html = HtmlReport.render(r, Lang.ZH);
        Path file = ReportJson.write(r, dir);
        RunReport read = ReportJson.read(file);

        assertThat(html).contains("<tr><td>创建资源</td>", "<tr><td>启动实例</td>", "<td>完成</td>",
                "<td>失败：InsufficientInstanceCapacity</td>").doesNotContain("<td>provision</td>", "<td>ok</td>");
        assertThat(HtmlReport.render(r, Lang.EN)).contains("<tr><td>launch the instance</td>", "<td>ok</td>");
        assertThat(read.labs().get(0).steps()).isEqualTo(r.labs().get(0).steps());
        assertThat(read.labs().get(0).steps()).extracting(s -> s.name()).containsExactly("provision", "launch the instance");
        assertThat(new ReportChecker().check(file).invalid()).isEmpty();
    }

    private static RunReport withSteps(List<StepRecord> steps) {
        RunReport r = translated();
        LabReport lab = r.labs().get(0);
        LabReport stepped = new LabReport(lab.lab(), lab.status(), lab.skipReason(), lab.startedAt(), lab.durationMs(),
                steps, lab.assertions(), lab.teardown(), lab.notes(), lab.translations());
        return new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), r.runId(), r.target(), r.startedAt(),
                r.finishedAt(), r.timings(), List.of(stepped, r.labs().get(1)), r.totals());
    }

    private static RunReport withWordedTeardownAndNotes() {
        RunReport r = translated();
        LabReport lab = r.labs().get(0);
        ResourceLedger ledger = new ResourceLedger();
        ledger.register("S3 bucket", "b", () -> { throw AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build(); });
        ledger.register("SQS queue", "q", () -> { throw new Gone("gone.queue", "labs-q"); });
        ledger.register("KMS key", "arn:k", () -> {
            throw new Scheduled(Instant.parse("2026-12-09T07:00:00Z"), "scheduled.kmsKey", 7);
        });
        Phrase note = TeardownWords.phrase("note.kmsKeyScheduled", 7);
        LabReport worded = new LabReport(lab.lab(), lab.status(), lab.skipReason(), lab.startedAt(), lab.durationMs(),
                lab.steps(), lab.assertions(), ledger.unwind(), List.of(note.in(Lang.EN)),
                Map.of("zh", new LabReport.Translation(List.of(note.in(Lang.ZH)), null)));
        return new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), r.runId(), r.target(), r.startedAt(),
                r.finishedAt(), r.timings(), List.of(worded, r.labs().get(1)), r.totals());
    }

    @Test
    void englishStaysEnglish() {
        for (ReportFormat format : EnumSet.of(ReportFormat.HTML, ReportFormat.MARKDOWN, ReportFormat.JUNIT)) {
            assertThat(format.render(translated(), Lang.EN)).as(format.id()).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(HtmlReport.render(translated())).contains("<html lang=\"en\">");
    }

    @Test
    void aLocalProofIsSaidInChineseWhileItsStatusWordStays() {
        RunReport r = Reports.onMoto(Reports.lab("tls", List.of(new AssertionRecord("handshake", "TLS 1.3 is negotiated",
                Status.PASS, null, null, null, null, Map.of(), List.of(), 5, true)), null));

        assertThat(MarkdownReport.render(r, Lang.ZH)).contains("| PASS（本地证明） | `handshake` |",
                "通过 1（其中 1 项是本地证明，不是目标的证明）");
        assertThat(HtmlReport.render(r, Lang.ZH)).contains(">本地证明</span>");
    }

    @Test
    void filesForPeopleAreWrittenInTheRunsLanguageAndTheMachineFormatsAreNot() throws Exception {
        Map<ReportFormat, Path> zh = ReportFiles.write(translated(), dir.resolve("zh"), EnumSet.allOf(ReportFormat.class), Lang.ZH);
        Map<ReportFormat, Path> en = ReportFiles.write(translated(), dir.resolve("en"), EnumSet.allOf(ReportFormat.class), Lang.EN);

        assertThat(Files.readString(zh.get(ReportFormat.MARKDOWN))).contains("**清理未完成**");
        assertThat(Files.readString(zh.get(ReportFormat.HTML))).contains("<html lang=\"zh-CN\">");
        assertThat(Files.readString(zh.get(ReportFormat.JSON))).isEqualTo(Files.readString(en.get(ReportFormat.JSON)));
        assertThat(Files.readString(zh.get(ReportFormat.JUNIT))).isEqualTo(Files.readString(en.get(ReportFormat.JUNIT)));
    }
}
