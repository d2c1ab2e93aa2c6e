package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
