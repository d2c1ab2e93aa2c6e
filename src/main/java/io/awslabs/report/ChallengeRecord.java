package io.awslabs.report;

import java.time.Instant;

/**
 * What a report of {@code labs check} adds to a run report: which challenge was checked, its
 * goal, when it started and was checked, how long the learner took, how many hints were used,
 * whether the reference solution had been applied, and the score.
 */
public record ChallengeRecord(String lab, String goal, Instant startedAt, Instant checkedAt, long timeTakenMs,
                              int hintsUsed, boolean solutionApplied, int passed, int skipped, int total) {

    /** Every check passed or was skipped with a reason. */
    public boolean complete() {
        return passed + skipped == total;
    }
}
