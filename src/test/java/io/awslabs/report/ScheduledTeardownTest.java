package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.resources.Scheduled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A KMS key is not deleted at teardown: its deletion is scheduled, and every report says when. */
class ScheduledTeardownTest {
    private static final Instant IN_SEVEN_DAYS = Instant.parse("2026-12-09T07:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aDeleteThatOnlySchedulesIsRecordedScheduledWithItsDateNotDeleted() {
        TeardownRecord record = ResourceLedger.attempt(new ResourceLedger.Entry("KMS key", "arn:k", () -> {
            throw new Scheduled(IN_SEVEN_DAYS, "scheduled.kmsKey", 7);
        }));

        assertThat(record.outcome()).isEqualTo(TeardownRecord.Outcome.SCHEDULED);
        assertThat(record.scheduledFor()).isEqualTo(IN_SEVEN_DAYS);
        assertThat(record.outcome().leftSomething()).as("nothing is left to do").isFalse();
    }

    @Test
    void theJsonKeepsTheDateTheSchemaAcceptsItAndTheVerdictIsNotTeardownIncomplete() throws Exception {
        RunReport report = scheduledReport();

        Path file = ReportJson.write(report, dir);

        assertThat(ReportJson.read(file)).isEqualTo(report);
        assertThat(Files.readString(file)).contains("\"outcome\" : \"SCHEDULED\"", "\"scheduledFor\" : \"2026-12-09T07:00:00Z\"");
        ReportChecker.Result checked = new ReportChecker().check(file);
        assertThat(checked.invalid()).isEmpty();
        assertThat(checked.verdict().outcome()).isEqualTo(Verdict.Outcome.PROVEN);
    }

    @Test
    void aReportWrittenBeforeScheduledExistedStillReadsAndChecks() throws Exception {
        Path file = ReportJson.write(ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED), dir);
        assertThat(Files.readString(file)).doesNotContain("scheduledFor");

        assertThat(ReportJson.read(file).labs().get(0).teardown().get(0).scheduledFor()).isNull();
        assertThat(new ReportChecker().check(file).verdict().outcome()).isEqualTo(Verdict.Outcome.PROVEN);
    }

    @Test
    void markdownAndHtmlSayScheduledAndWhen() {
        RunReport report = scheduledReport();

        assertThat(MarkdownReport.render(report)).contains("**Teardown:** 1 scheduled",
                "| SCHEDULED | KMS key | `arn:k` | KMS deletes it after the 7-day minimum waiting period; deleted on "
                        + "2026-12-09T07:00:00Z |");
        assertThat(HtmlReport.render(report)).contains("<span class=\"badge SCHEDULED\">SCHEDULED</span>",
                "deleted on 2026-12-09T07:00:00Z");
    }

    private static RunReport scheduledReport() {
        RunReport base = ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED);
        LabReport lab = base.labs().get(0);
        LabReport scheduled = new LabReport(lab.lab(), lab.status(), lab.skipReason(), lab.startedAt(), lab.durationMs(),
                lab.steps(), lab.assertions(), List.of(new TeardownRecord("KMS key", "arn:k", TeardownRecord.Outcome.SCHEDULED,
                        "KMS deletes it after the 7-day minimum waiting period", 5, IN_SEVEN_DAYS)), lab.notes());
        return new RunReport(base.schema(), base.schemaVersion(), base.toolVersion(), base.runId(), base.target(),
                base.startedAt(), base.finishedAt(), base.timings(), List.of(scheduled), RunReport.Totals.of(List.of(scheduled)));
    }
}
