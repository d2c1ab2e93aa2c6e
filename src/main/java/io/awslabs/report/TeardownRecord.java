package io.awslabs.report;

/** What happened to one ledger entry at teardown. */
public record TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs) {

    public enum Outcome {
        DELETED, ALREADY_GONE, FAILED, KEPT;

        public boolean leftSomething() {
            return this == FAILED || this == KEPT;
        }
    }
}
