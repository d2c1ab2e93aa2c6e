package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.acm.model.AcmException;

class RunJournalTest {
    @TempDir
    Path dir;

    private RecordedRun.Header header(String runId) {
        return new RecordedRun.Header(runId, Instant.parse("2026-11-22T07:00:00Z"), "aws", null, "eu-west-1",
                "123456789012", "sandbox", List.of("scripted"));
    }

    private static final RecordingKind KEY = new RecordingKind("KMS key", new ArrayList<>());

    /** A lab whose create call reads the journal from disk: what it finds there was written ahead. */
    private final class JournalReadingLab implements Lab {
        final List<String> seenDuringCreate = new ArrayList<>();
        final Path journal;

        JournalReadingLab(Path journal) {
            this.journal = journal;
        }

        @Override
        public LabInfo info() {
            return LabInfo.of("scripted", "Scripted").asserts("only", "a claim").provisions(KEY);
        }

        @Override
        public void provision(LabContext ctx) throws Exception {
            ctx.create(KEY, () -> {
                seenDuringCreate.addAll(Files.readAllLines(journal, StandardCharsets.UTF_8));
                return "arn:aws:kms:eu-west-1:123456789012:key/k1";
            });
        }

        @Override
        public void verify(LabContext ctx, Checks check) {
            check.that("only", p -> p.equal("answer", 42, 42));
        }
    }

    @Test
    void theIntentIsOnDiskBeforeTheCreateCallRunsAndTheRunEndsWithNothingLeft() throws Exception {
        RunJournal journal = RunJournal.start(dir, header("abc12345"));
        JournalReadingLab lab = new JournalReadingLab(journal.file());

        new LabRunner(FakeTarget.moto(), RunOptions.defaults(), Progress.SILENT, "abc12345", "test", journal)
                .run(List.of(lab));

        assertThat(lab.seenDuringCreate).hasSize(2);
        assertThat(lab.seenDuringCreate.get(1)).contains("\"event\":\"intent\"", "\"type\":\"KMS key\"",
                "\"namePrefix\":\"labs-scripted-abc12345\"", "\"region\":\"us-east-1\"").doesNotContain("k1");
        RecordedRun recorded = RecordedRun.read(journal.file());
        assertThat(recorded.resources()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/k1");
            assertThat(r.outcome()).isEqualTo(Outcome.DELETED);
        });
        assertThat(journal.finish()).as("kept").isFalse();
        assertThat(journal.file()).doesNotExist();
    }

    @Test
    void aCreateTheServiceRefusedLeavesNothingToCleanUpButOneThatGotNoAnswerMayHaveCreated() throws Exception {
        RunJournal journal = RunJournal.start(dir, header("abc12345"));
        ResourceLedger ledger = new ResourceLedger(journal, "lab", "eu-west-1");
        long refused = ledger.intent("ACM certificate", "labs-lab-abc12345");
        ledger.createFailed(refused, AcmException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException").build()).build());
        long lost = ledger.intent("ACM certificate", "labs-lab-abc12345");
        ledger.createFailed(lost, SdkClientException.create("Read timed out"));

        RecordedRun recorded = RecordedRun.read(journal.file());

        assertThat(recorded.open()).extracting(RecordedRun.RecordedResource::seq).containsExactly(lost);
        assertThat(recorded.resources().get(0).refused()).isTrue();
        journal.finish();
    }

    @Test
    void replayKnowsWhatIsOpenWhatIsUnconfirmedAndWhatIsSettled() throws Exception {
        RunJournal journal = RunJournal.start(dir, header("abc12345"));
        long deleted = journal.intent("lab", "KMS alias", "labs-lab-abc12345", "eu-west-1");
        journal.created(deleted, "alias/labs-lab-abc12345");
        journal.outcome(deleted, new TeardownRecord("KMS alias", "alias/labs-lab-abc12345", Outcome.DELETED, null, 3));
        long failedDelete = journal.intent("lab", "S3 bucket", "labs-lab-abc12345", "eu-west-1");
        journal.created(failedDelete, "labs-lab-abc12345-data");
        journal.outcome(failedDelete, new TeardownRecord("S3 bucket", "labs-lab-abc12345-data", Outcome.FAILED, "AccessDenied", 3));
        long neverReturned = journal.intent("lab", "IAM role", "labs-lab-abc12345", "eu-west-1");

        RecordedRun recorded = RecordedRun.read(journal.file());

        assertThat(recorded.header()).isEqualTo(header("abc12345"));
        assertThat(recorded.open()).extracting(RecordedRun.RecordedResource::seq).containsExactly(failedDelete, neverReturned);
        assertThat(recorded.open().get(1).confirmed()).isFalse();
        assertThat(journal.finish()).as("kept while something may exist").isTrue();
        assertThat(journal.file()).exists();
        assertThat(deleted).isEqualTo(1);
    }

    @Test
    void aLineCutShortByACrashIsIgnoredAndWhatCameBeforeStillCounts() throws Exception {
        RunJournal journal = RunJournal.start(dir, header("abc12345"));
        long seq = journal.intent("lab", "KMS key", "labs-lab-abc12345", "eu-west-1");
        journal.created(seq, "arn:aws:kms:eu-west-1:123456789012:key/k1");
        journal.finish();
        Files.writeString(journal.file(), "{\"event\":\"outcome\",\"seq\":1,\"outc", StandardOpenOption.APPEND);

        RecordedRun recorded = RecordedRun.read(journal.file());

        assertThat(recorded.open()).singleElement().satisfies(r -> assertThat(r.confirmed()).isTrue());
    }

    @Test
    void aJournalHeldByARunningRunCannotBeResumed() throws Exception {
        RunJournal running = RunJournal.start(dir, header("abc12345"));
        running.intent("lab", "KMS key", "labs-lab-abc12345", "eu-west-1");

        assertThat(RunJournal.inProgress(running.file())).isTrue();
        assertThat(RunJournal.resume(running.file())).isEmpty();

        running.finish();
        assertThat(RunJournal.inProgress(running.file())).isFalse();
        try (RunJournal resumed = RunJournal.resume(running.file()).orElseThrow()) {
            assertThat(resumed.open()).hasSize(1);
            resumed.outcome(1, new TeardownRecord("KMS key", null, Outcome.ALREADY_GONE, "nothing found", 0));
        }
        assertThat(running.file()).as("settled by the cleanup, so removed").doesNotExist();
    }
}
