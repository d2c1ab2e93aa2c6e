package io.awslabs.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunJournal;
import io.awslabs.targets.TargetKind;
import io.awslabs.text.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cleanup decides from journals alone, before it talks to any target. */
class CleanupTest {
    @TempDir
    Path dir;

    private static final Cleanup.TargetOpener NO_TARGET = (kind, endpoint, region, profile) -> {
        throw new AssertionError("no target should be opened");
    };

    private void journal(String runId, Instant startedAt, String type, String id) throws Exception {
        try (RunJournal journal = RunJournal.start(dir, new RecordedRun.Header(runId, startedAt, "aws", null,
                "eu-west-1", "123456789012", null, List.of("future-lab")))) {
            long seq = journal.intent("future-lab", type, "labs-future-lab-" + runId, "eu-west-1");
            journal.created(seq, id);
        }
    }

    private Cleanup.Result clean(Cleanup.Selection selection) {
        try (Cleanup cleanup = new Cleanup(dir, NO_TARGET,
                new Cleanup.SweepTarget(TargetKind.AWS, null, "eu-west-1", null), Duration.ofHours(2), true)) {
            return cleanup.run(selection);
        }
    }

    @Test
    void aTypeCleanupDoesNotKnowIsReportedFailedWithTheReasonAndTheJournalIsKept() throws Exception {
        journal("abc12345", Instant.now(), "Quantum widget", "qw-1");

        Cleanup.Result result = clean(new Cleanup.Selection(Set.of("abc12345"), false, null));

        assertThat(result.anyFailed()).isTrue();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(Cleanup.Outcome.FAILED);
            assertThat(row.type()).isEqualTo("Quantum widget");
            assertThat(row.id()).isEqualTo("qw-1");
            assertThat(row.detail(Lang.EN)).contains("does not know the resource type 'Quantum widget'", "KMS key");
            assertThat(row.detail(Lang.ZH)).contains("labs cleanup 不认识资源类型 'Quantum widget'；请手动删除", "KMS key");
        });
        assertThat(RunJournal.fileOf(dir, "abc12345")).exists();
        assertThat(result.notes()).extracting(n -> n.in(Lang.ZH))
                .contains("运行 abc12345：解决上面的失败后，请重新执行 labs cleanup --run-id abc12345 --force");
        assertThat(result.notes()).extracting(n -> n.in(Lang.EN))
                .contains("run abc12345: rerun labs cleanup --run-id abc12345 --force after fixing the failures above");
    }

    @Test
    void olderThanSelectsRunsByTheirStartAndLeavesYoungerOnesAlone() throws Exception {
        journal("old00001", Instant.now().minus(Duration.ofHours(3)), "Quantum widget", "qw-old");
        journal("new00001", Instant.now().minus(Duration.ofMinutes(10)), "Quantum widget", "qw-new");

        Cleanup.Selection olderThan2h = new Cleanup.Selection(Set.of(), false, Duration.ofHours(2));

        assertThat(olderThan2h.selects("old00001", Instant.now().minus(Duration.ofHours(3)), Instant.now())).isTrue();
        assertThat(olderThan2h.selects("new00001", Instant.now().minus(Duration.ofMinutes(10)), Instant.now())).isFalse();
        assertThat(olderThan2h.selects("tagonly1", null, Instant.now())).as("no known start").isFalse();
        assertThat(Cleanup.journals(dir, new java.util.ArrayList<>())).extracting(j -> j.run().header().runId())
                .containsExactly("old00001", "new00001");
    }

    @Test
    void aKeptJournalIsFoundByWhatItsNoteSaysNotByItsEnglish() {
        Cleanup.Result result = new Cleanup.Result(List.of(), List.of(
                CleanupWords.phrase("note.rerun", "abc12345"),
                CleanupWords.phrase("note.journalKept", Path.of("/state/abc12345.jsonl"), "abc12345")));

        assertThat(result.journalsKept()).extracting(n -> n.in(Lang.ZH)).singleElement().asString()
                .contains("/state/abc12345.jsonl").containsPattern("\\p{IsHan}");
    }
}
