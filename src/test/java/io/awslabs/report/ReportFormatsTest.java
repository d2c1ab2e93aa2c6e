package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every format drawn from the same fixture run. The JUnit XML's CI reading is in {@link JunitXmlReportTest}. */
class ReportFormatsTest {
    @TempDir
    Path dir;

    private final RunReport fixture = ReportFixture.mixed();

    @Test
    void noFormatShowsACredentialASignatureOrAPrivateKey() {
        for (ReportFormat format : ReportFormat.values()) {
            String rendered = format.render(fixture);
            assertThat(rendered).as(format.id()).doesNotContain(ReportFixture.SECRETS)
                    .contains(Redactor.MASK, "AKIAIOSF************");
        }
    }

    @Test
    void runWritesJsonAlwaysAndTheOtherFormatsNextToIt() throws Exception {
        Map<ReportFormat, Path> none = ReportFiles.write(fixture, dir.resolve("a"), Set.of());
        Map<ReportFormat, Path> all = ReportFiles.write(fixture, dir.resolve("b"), EnumSet.allOf(ReportFormat.class));

        assertThat(none).containsOnlyKeys(ReportFormat.JSON);
        assertThat(all.values()).extracting(p -> p.getFileName().toString())
                .containsExactly("fx7k2m9q.json", "fx7k2m9q.html", "fx7k2m9q.junit.xml", "fx7k2m9q.md");
        assertThat(new ReportChecker().check(all.get(ReportFormat.JSON)).verdict().outcome())
                .isEqualTo(Verdict.Outcome.TEARDOWN_INCOMPLETE);
        try (var files = Files.list(dir.resolve("b"))) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(".tmp"));
        }
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertThat(ReportFormat.parse(" HTML ")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
        assertThatThrownBy(() -> ReportFormat.parse("pdf")).hasMessage("unknown report format 'pdf'; choose from json, html, junit, md");
    }

    @Test
    void htmlIsOneSelfContainedPageThatForbidsLoadingAnything() {
        String html = HtmlReport.render(fixture);

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;sha256-")
                .doesNotContainIgnoringCase("<script").doesNotContain(" src=", "<link", "@import", "url(", "http-equiv=\"refresh\"");
        assertThat(html.lines().filter(l -> l.contains("href=")))
                .allMatch(l -> l.matches(".*href=\"#[^\"]*\".*"), "only in-page links");
    }

    @Test
    void htmlShowsTheSummaryEachAssertionWithEvidenceTheTimelineAndTeardown() {
        String html = HtmlReport.render(fixture);

        assertThat(html).contains("<title>aws-labs run fx7k2m9q: Teardown incomplete</title>",
                "id=\"verdict\" class=\"banner TEARDOWN_INCOMPLETE\"", "<div class=\"count\"><b>1</b>passed", "<div class=\"count bad\"><b>1</b>teardown failed");
        assertThat(html).contains("id=\"lab-s3-presigned-upload-expired-url-refused\" open>",
                "<dt>expected</dt><dd><code>status after expiry: 403</code>",
                "<dt>actual</dt><dd><code>status after expiry: 200</code>",
                "<code>s3:PutObject.requestId</code></td><td><code>7Q2C1XYZ</code>");
        assertThat(html).contains("id=\"lab-s3-presigned-upload-presigned-put-uploads\"><summary>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(html).contains("aria-label=\"verify from +900 ms for 1 min 02 s\"", "<rect class=\"failed\"",
                "<span class=\"badge FAILED\">FAILED</span></td><td>S3 bucket</td>", "Not run:</strong> localstack has no CloudFront");
    }

    @Test
    void markdownReadsAsNotes() {
        String md = MarkdownReport.render(fixture);

        assertThat(md).startsWith("# aws-labs run fx7k2m9q\n")
                .contains("**Teardown incomplete**: resources were left behind",
                        "## S3 presigned upload (`s3-presigned-upload`): ERROR",
                        "> A presigned URL carries the signer's permissions for a limited time.",
                        "**Exam angle:** Who can use a presigned URL, and until when?",
                        "| FAIL | `expired-url-refused` | A presigned URL is refused after it expires | 1 min 01 s |",
                        "- `expired-url-refused` (FAIL): expected `status after expiry: 403`, got `status after expiry: 200`",
                        "- `bucket-policy-denies` (ERROR): SdkClientException",
                        "<details><summary>Evidence</summary>",
                        "**Teardown:** 1 deleted, 1 already gone, 1 failed",
                        "| FAILED | S3 bucket | `labs-s3-presigned-upload-fx7k2m9q` |");
        assertThat(md).contains("``<script>alert('x')</script> a|b `tick` *stars*``")
                .doesNotContain("\n<script");
    }

    @Test
    void markdownCodeSpansSurviveBackticksAndTablePipes() {
        assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownReport.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownReport.cellCode("a|b")).isEqualTo("`a\\|b`");
        assertThat(MarkdownReport.prose("*not bold* <b>")).isEqualTo("\\*not bold\\* \\<b\\>");
    }

    @Test
    void junitXmlIsWellFormedWithCountsThatMatchItsElements() throws Exception {
        Document doc = parse(JunitXmlReport.render(fixture));

        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertThat(suite.getAttribute("tests")).isEqualTo(count(suite, "testcase"));
            assertThat(suite.getAttribute("failures")).isEqualTo(count(suite, "failure"));
            assertThat(suite.getAttribute("errors")).isEqualTo(count(suite, "error"));
            assertThat(suite.getAttribute("skipped")).isEqualTo(count(suite, "skipped"));
        }
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("time")).isEqualTo("64.200");
    }

    @Test
    void junitXmlDropsCharactersXmlCannotCarry() throws Exception {
        RunReport r = ReportJsonTest.sample(Status.FAIL, TeardownRecord.Outcome.DELETED);
        RunReport bell = new RunReport(r.schema(), r.schemaVersion(), "0.1.0\u0007", r.runId(), r.target(), r.startedAt(),
                r.finishedAt(), r.timings(), r.labs(), r.totals());

        String xml = JunitXmlReport.render(bell);

        assertThat(xml).doesNotContain("\u0007").contains("value=\"0.1.0\"");
        assertThat(parse(xml).getDocumentElement().getTagName()).isEqualTo("testsuites");
    }

    @Test
    void aLabThatPassedWithASkipIsBadgedPartialWhereverPeopleReadIt() {
        RunReport partial = Reports.onMoto(Reports.lab("kms-envelope-encryption", java.util.List.of(
                Reports.assertion("round-trip", Status.PASS, null), Reports.assertion("disabled-key", Status.SKIPPED, "gap")),
                TeardownRecord.Outcome.DELETED));

        String html = HtmlReport.render(partial);
        String md = MarkdownReport.render(partial);

        assertThat(html).contains("class=\"banner PARTIAL\"", "<strong>Partly proven</strong>",
                "<span class=\"badge PARTIAL\">PARTIAL</span>", "<p id=\"proven\">1 of 2 proven on moto; 1 not shown here");
        assertThat(md).contains("## Lab kms-envelope-encryption (`kms-envelope-encryption`): PARTIAL", "**Partly proven**",
                "1 of 2 proven on moto; 1 not shown here");
        assertThat(ReportJson.render(partial)).as("the JSON keeps the lab's status").contains("\"status\" : \"PASS\"")
                .doesNotContain("PARTIAL");
    }

    @Test
    void anInterruptedRunSaysSoAndNamesTheLabsThatNeverRan() {
        RunReport interrupted = Reports.oneAssertion(Status.PASS, null)
                .interruptedBefore(java.util.List.of("kms-envelope-encryption", "ssm-run-command", "s3-presigned-upload"));

        assertThat(HtmlReport.render(interrupted)).contains("<strong>Interrupted:</strong> the run was stopped before it ended; "
                + "these labs never ran: ssm-run-command, s3-presigned-upload.", "class=\"banner NOT_PROVEN\"");
        assertThat(MarkdownReport.render(interrupted)).contains("**Interrupted:** the run was stopped before it ended; "
                + "these labs never ran: ssm-run-command, s3-presigned-upload.");
    }

    private static String count(Element suite, String tag) {
        return String.valueOf(suite.getElementsByTagName(tag).getLength());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
