package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.text.Lang;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an assertion of a lab or a check of a challenge ended as, made into its report record the
 * same way for both. The gap declared for this emulator is applied: only an outcome with the gap's
 * symptom becomes SKIPPED; any other failure stays what it is, and says that it was not the gap; a
 * pass says the gap no longer shows. A target that did not say which emulator it is has no gap.
 */
final class OutcomeRecord {
    /** The texts a record needs in one language: a lab's ({@link LabText}) or its challenge's ({@link ChallengeText}). */
    interface Texts {
        String statement(String id);

        String gapReason(Gap gap);
    }

    private OutcomeRecord() { }

    /**
     * {@code worded}: the reason in every language where the lab or the check worded it (a skip, a
     * failure's meaning), null where it is what was thrown; the runner words a gap's reason and note.
     */
    static AssertionRecord of(String id, String statement, Status status, Words worded, String reason, Proof proof,
                              AssertionOutcome outcome, long millis, boolean localProof, Optional<Gap> gap,
                              Function<Lang, ? extends Texts> texts) {
        List<Proof.CheckRecord> checks = proof.checks();
        String expected = summary(checks, status, true);
        String actual = summary(checks, status, false);
        Words note = null;
        if (gap.isPresent()) {
            String emulator = gap.get().emulator().displayName();
            Words gapReason = lang -> texts.apply(lang).gapReason(gap.get());
            if (status.isBad() && gap.get().symptom().matches(outcome)) {
                String answered = status == Status.ERROR ? reason : actual;
                worded = Words.knownGap(emulator, gapReason, answered);
                reason = worded.in(Lang.EN);
                status = Status.SKIPPED;
                proof.evidence("knownGap.source", gap.get().source());
            } else if (status.isBad()) {
                note = Words.gapNotMatched(emulator, gapReason, gap.get().symptom().describe(), outcome.describe());
            } else if (status == Status.PASS) {
                note = Words.gapGone(emulator, gapReason);
            }
        }
        List<AssertionRecord.Check> checkRecords = checks.stream()
                .map(c -> new AssertionRecord.Check(c.what(), c.expected(), c.actual(), c.held())).toList();
        return new AssertionRecord(id, statement, status, expected, actual, reason,
                note == null ? null : note.in(Lang.EN), proof.evidence(), checkRecords, millis, localProof,
                Words.translations(lang -> texts.apply(lang).statement(id), worded, note));
    }

    /** A failure shows the check that did not hold; a pass shows every check made. */
    private static String summary(List<Proof.CheckRecord> checks, Status status, boolean expected) {
        if (checks.isEmpty()) {
            return null;
        }
        List<Proof.CheckRecord> shown = status == Status.FAIL ? List.of(checks.get(checks.size() - 1)) : checks;
        return String.join("; ", shown.stream()
                .map(c -> c.what() + ": " + (expected ? c.expected() : c.actual())).toList());
    }
}
