package io.awslabs.lab;

/**
 * What happened inside one assertion before any gap is applied: the check that did not hold (a
 * FAIL), or the exception that ended it (an ERROR), or neither (a PASS).
 */
public record AssertionOutcome(Proof.CheckRecord failedCheck, Throwable error) {

    /** How it read, for the note that says a declared gap did not match. */
    public String describe() {
        if (failedCheck != null) {
            return "check '" + failedCheck.what() + "' failed with '" + failedCheck.actual() + "'";
        }
        return error == null ? "it passed" : "it ended with " + Proof.describe(error);
    }
}
