package io.awslabs.cli;

import io.awslabs.report.Verdict;

/**
 * The documented exit codes. When several apply, the highest-numbered wins except that a
 * usage error stops before anything runs: resources left behind (4) matter more than a failed
 * assertion (1).
 */
public final class ExitCodes {
    /** Every assertion passed or was skipped with a reason; everything was torn down. */
    public static final int OK = 0;
    /** An assertion FAILED or hit an ERROR (or a report says so). */
    public static final int NOT_PROVEN = 1;
    /** Bad command line, unknown lab, malformed or foreign report file. */
    public static final int USAGE = 2;
    /**
     * The environment cannot run labs (emulator will not start, endpoint unreachable, no
     * credentials), or the aws target's guard refused before creating anything (account not
     * allow-listed, alias containing "prod", plan not confirmed).
     */
    public static final int ENVIRONMENT = 3;
    /** Teardown left something behind (a delete failed, or --keep); {@code labs cleanup} could not delete something. */
    public static final int TEARDOWN_INCOMPLETE = 4;
    /** Ctrl-C: the JVM's own code for SIGINT (128 + 2), after the exit guard tore down and wrote the partial report. */
    public static final int INTERRUPTED = 130;

    public static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0    every assertion passed or was skipped with a reason%n"
            + "  1    an assertion failed or errored%n"
            + "  2    usage error (unknown lab, bad option, malformed report)%n"
            + "  3    environment (emulator, endpoint, credentials), or the aws guard refused%n"
            + "  4    teardown incomplete: left behind, or labs cleanup could not delete it%n"
            + "  130  interrupted by Ctrl-C (teardown ran; after a second Ctrl-C: labs cleanup)%n";

    private ExitCodes() { }

    /** {@code labs run}: 4 when something was left behind, over 1 when something was not proven. */
    static int ofRun(Verdict verdict) {
        return switch (verdict.outcome()) {
            case PROVEN, PARTIAL -> OK;
            case NOT_PROVEN -> NOT_PROVEN;
            case TEARDOWN_INCOMPLETE -> TEARDOWN_INCOMPLETE;
        };
    }

    /** {@code labs report check} and {@code show}: 0 for a clean report, 1 for any other valid one. */
    static int ofCheck(Verdict verdict) {
        return verdict.outcome().clean() ? OK : NOT_PROVEN;
    }
}
