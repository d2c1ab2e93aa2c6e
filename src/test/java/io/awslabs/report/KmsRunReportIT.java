package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.labs.kms.KmsEnvelopeEncryptionLab;
import io.awslabs.targets.Target;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.SharedMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of the KMS lab on moto, written in every format: the schema holds and the formats agree. */
class KmsRunReportIT {
    @TempDir
    Path dir;

    @Test
    void aRealRunConformsToTheSchemaAndEveryFormatTellsTheSameStory() throws Exception {
        RunReport report;
        try (Target moto = SharedMoto.target()) {
            report = LabHarness.run(moto, new KmsEnvelopeEncryptionLab());
        }
        LabReport lab = report.labs().get(0);

        Map<ReportFormat, Path> files = ReportFiles.write(report, dir, EnumSet.allOf(ReportFormat.class));

        assertThat(ReportSchema.validate(ReportJson.MAPPER.readTree(files.get(ReportFormat.JSON).toFile()))).isEmpty();
        assertThat(new ReportChecker().check(files.get(ReportFormat.JSON)).verdict().outcome())
                .as("three assertions are declared moto gaps").isEqualTo(Verdict.Outcome.PARTIAL);

        ReportTestSuite suite = JunitXmlReportTest.readAsCi(files.get(ReportFormat.JUNIT)).get(lab.lab().id());
        assertThat(suite.getNumberOfTests()).as("one case per assertion, plus teardown")
                .isEqualTo(lab.assertions().size() + 1);
        assertThat(suite.getNumberOfSkipped()).isEqualTo(report.totals().skipped()).isPositive();
        assertThat(suite.getNumberOfFailures() + suite.getNumberOfErrors()).isZero();
        Map<String, ReportTestCase> cases = JunitXmlReportTest.casesOf(suite);
        assertThat(cases.get("disabled-key-refuses-encrypt").getFailureMessage()).contains("moto");

        String html = Files.readString(files.get(ReportFormat.HTML));
        String md = Files.readString(files.get(ReportFormat.MARKDOWN));
        for (AssertionRecord a : lab.assertions()) {
            assertThat(html).contains("id=\"lab-kms-envelope-encryption-" + a.id() + "\"", HtmlReport.esc(a.statement()));
            assertThat(md).contains("| " + a.status() + " | `" + a.id() + "` |");
        }
        assertThat(html).contains("class=\"banner PARTIAL\"", "<span class=\"badge PARTIAL\">PARTIAL</span>");
        assertThat(md).contains("**Partly proven**")
                .containsPattern("\\d+ of \\d+ proven on moto; 3 not shown here: \\d+ can be proven with --target localstack");
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
    }
}
