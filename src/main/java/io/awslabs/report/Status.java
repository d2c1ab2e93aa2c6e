package io.awslabs.report;

/** Outcome of an assertion or of a whole lab. */
public enum Status {
    /** The target behaved as AWS documents. */
    PASS,
    /** The target answered differently from AWS's documented behaviour. */
    FAIL,
    /** The target cannot prove this; the reason says which target and why. */
    SKIPPED,
    /** Something unexpected happened before the behaviour could be judged. */
    ERROR;

    public boolean isBad() {
        return this == FAIL || this == ERROR;
    }
}
