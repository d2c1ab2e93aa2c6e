package io.awslabs.cli;

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

    public static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  every assertion passed or was skipped with a reason%n"
            + "  1  an assertion failed or errored%n"
            + "  2  usage error (unknown lab, bad option, malformed report)%n"
            + "  3  environment error (emulator, endpoint, credentials) or the aws guard refused%n"
            + "  4  teardown incomplete (resources left behind, or labs cleanup could not delete one)%n";

    private ExitCodes() { }
}
