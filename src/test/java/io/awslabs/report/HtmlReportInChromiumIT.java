package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awslabs.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real headless Chromium: it shows the summary, its own stylesheet
 * is allowed by the page's Content-Security-Policy, and no request leaves the page. Runs where
 * Chromium is installed (.ci/run installs it); elsewhere it is skipped with the reason.
 */
class HtmlReportInChromiumIT {
    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    /** Per test, so a machine without Chromium reports each test skipped with the reason. */
    @BeforeEach
    void startChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "no Chromium at " + HeadlessChromium.BINARY + ": the HTML report was "
                + "not rendered (install Debian's chromium as .ci/run does, or set LABS_CHROMIUM to a Chromium binary)");
        if (chromium == null) {
            chromium = HeadlessChromium.start();
        }
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void theReportShowsItsSummaryAndNoRequestLeavesThePage() throws Exception {
        Path html = ReportFiles.write(ReportFixture.mixed(), dir, Set.of(ReportFormat.HTML)).get(ReportFormat.HTML);

        HeadlessChromium.Visit visit = chromium.open(html);

        assertThat(visit.requests()).as("requests the page made").containsExactly(html.toUri().toString());
        assertThat(visit.proxy().requests()).as("what reached the network").isEmpty();
        assertThat(chromium.evaluate(visit, "performance.getEntriesByType('resource').length").asInt()).isZero();
        assertThat(visit.console()).as("console, CSP violations included").isEmpty();
        assertThat(chromium.evaluate(visit,
                "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content").asText())
                .isEqualTo(HtmlReport.contentSecurityPolicy());

        String verdict = chromium.evaluate(visit, "document.getElementById('verdict').innerText").asText();
        assertThat(verdict).startsWith("Teardown incomplete");
        // the banner's colour comes from the inline stylesheet: it only shows if the CSP hash lets it apply
        assertThat(chromium.evaluate(visit, "getComputedStyle(document.getElementById('verdict')).backgroundColor").asText())
                .isEqualTo("rgb(130, 80, 223)");
        String text = chromium.evaluate(visit, "document.body.innerText").asText();
        assertThat(text).contains("aws-labs run fx7k2m9q", "S3 presigned upload", "expired-url-refused",
                "A presigned URL is refused after it expires", "teardown failed", "localstack has no CloudFront")
                .doesNotContain(ReportFixture.SECRETS);
        assertThat(chromium.evaluate(visit, "document.getElementById('lab-s3-presigned-upload-expired-url-refused').open")
                .asBoolean()).as("a failure is open").isTrue();
        assertThat(chromium.evaluate(visit, "document.getElementById('lab-s3-presigned-upload-presigned-put-uploads').open")
                .asBoolean()).as("a pass is folded").isFalse();

        Path png = Path.of("target", "html-report-fixture.png");
        Files.write(png, chromium.screenshot(visit));
    }

    /** The detectors above can fail: a page that fetches an image and a font is caught by each. */
    @Test
    void aPageThatFetchesSomethingIsCaughtByEveryDetector() throws Exception {
        Path leaky = Files.writeString(dir.resolve("leaky.html"), "<!DOCTYPE html><title>leaky</title>"
                + "<link rel=\"stylesheet\" href=\"https://fonts.example.test/css\"><img src=\"http://example.test/pixel.png\">");

        HeadlessChromium.Visit visit = chromium.open(leaky);

        assertThat(visit.requests()).contains("http://example.test/pixel.png", "https://fonts.example.test/css");
        assertThat(visit.proxy().requests()).anyMatch(r -> r.startsWith("GET http://example.test/pixel.png"))
                .anyMatch(r -> r.startsWith("CONNECT fonts.example.test:443"));
    }

    /** And the report's policy alone would stop such a page from reaching the network. */
    @Test
    void theReportsPolicyBlocksWhatAPageTriesToFetch() throws Exception {
        Path leaky = Files.writeString(dir.resolve("leaky-with-csp.html"), "<!DOCTYPE html><meta http-equiv="
                + "\"Content-Security-Policy\" content=\"" + HtmlReport.contentSecurityPolicy() + "\"><title>leaky</title>"
                + "<img src=\"http://example.test/pixel.png\">");

        HeadlessChromium.Visit visit = chromium.open(leaky);

        assertThat(visit.proxy().requests()).isEmpty();
        assertThat(visit.console()).anyMatch(m -> m.contains("Content Security Policy") && m.contains("example.test"));
    }
}
