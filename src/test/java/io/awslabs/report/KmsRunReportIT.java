package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.awslabs.lab.LabText;
import io.awslabs.labs.kms.KmsEnvelopeEncryptionLab;
import io.awslabs.targets.Target;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.SharedMoto;
import io.awslabs.text.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of the KMS lab on moto, written in every format: the schema holds and the formats agree. */
class KmsRunReportIT {
    private static final KmsEnvelopeEncryptionLab KMS = new KmsEnvelopeEncryptionLab();
    private static RunReport report;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheLabOnMoto() {
        try (Target moto = SharedMoto.target()) {
            report = LabHarness.run(moto, KMS);
        }
    }

    @Test
    void aRealRunConformsToTheSchemaAndEveryFormatTellsTheSameStory() throws Exception {
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

    @Test
    void aRunInEnglishKeepsItsEnglishAndCarriesTheChineseOfEveryText() throws Exception {
        LabText zh = LabText.of(KMS, Lang.ZH);
        JsonNode lab = ReportJson.MAPPER.readTree(ReportFiles.write(report, dir, EnumSet.noneOf(ReportFormat.class))
                .get(ReportFormat.JSON).toFile()).path("labs").path(0);

        assertThat(lab.path("lab").path("title").asText()).isEqualTo(KMS.info().title());
        assertThat(lab.path("lab").path("translations").path("zh").path("title").asText()).isEqualTo(zh.title());
        assertThat(lab.path("lab").path("translations").path("zh").path("concept").asText()).isEqualTo(zh.concept());
        assertThat(lab.path("lab").path("translations").path("zh").path("examAngle").asText()).isEqualTo(zh.examAngle());
        assertThat(lab.path("assertions")).hasSize(KMS.info().assertions().size());
        for (JsonNode a : lab.path("assertions")) {
            String id = a.path("id").asText();
            assertThat(a.path("statement").asText()).as(id).isEqualTo(KMS.info().statementOf(id));
            assertThat(a.path("translations").path("zh").path("statement").asText()).as(id)
                    .isEqualTo(zh.statement(id)).containsPattern("\\p{IsHan}");
        }
        AssertionRecord disabled = report.labs().get(0).assertions().stream()
                .filter(a -> a.id().equals("disabled-key-refuses-encrypt")).findFirst().orElseThrow();
        assertThat(disabled.status()).as("a declared moto gap").isEqualTo(Status.SKIPPED);
        assertThat(disabled.reason()).startsWith("known moto gap: ").contains("(the target answered: ");
        assertThat(disabled.reason(Lang.ZH)).startsWith("moto 的已知差异：moto 会用已禁用的密钥照样加密")
                .contains("（目标的回答：");
        assertThat(disabled.statement(Lang.ZH)).isEqualTo(zh.statement("disabled-key-refuses-encrypt"));
    }
}
