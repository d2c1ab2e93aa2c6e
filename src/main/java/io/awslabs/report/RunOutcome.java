package io.awslabs.report;

/**
 * The one-line answer a reader wants first, by the rules of {@code labs report check}: was
 * everything proven, and is anything still running?
 */
public enum RunOutcome {
    PROVEN("Proven", "every assertion passed or was skipped with a reason, and teardown left nothing"),
    NOT_PROVEN("Not proven", "an assertion failed or hit an error (or was skipped without a reason)"),
    TEARDOWN_INCOMPLETE("Teardown incomplete", "resources were left behind; they may still exist and cost money");

    private final String headline;
    private final String meaning;

    RunOutcome(String headline, String meaning) {
        this.headline = headline;
        this.meaning = meaning;
    }

    /** Resources left behind outrank a failed proof, as in the exit codes. */
    public static RunOutcome of(RunReport report) {
        boolean leftSomething = report.labs().stream()
                .flatMap(l -> l.teardown().stream()).anyMatch(t -> t.outcome().leftSomething());
        if (leftSomething) {
            return TEARDOWN_INCOMPLETE;
        }
        return ReportChecker.problemsOf(report).isEmpty() ? PROVEN : NOT_PROVEN;
    }

    public String headline() {
        return headline;
    }

    public String meaning() {
        return meaning;
    }
}
