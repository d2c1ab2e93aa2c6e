package io.awslabs.cli;

import io.awslabs.report.LabBadge;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;

/** Colour only for a person at a terminal, never when NO_COLOR is set (no-color.org). */
final class Terminal {
    private static final String GREEN = "32", RED = "31", YELLOW = "33", MAGENTA = "35";

    private final boolean colour;
    private final boolean interactive;

    Terminal(boolean colour) {
        this(colour, false);
    }

    Terminal(boolean colour, boolean interactive) {
        this.colour = colour;
        this.interactive = interactive;
    }

    static Terminal detect() {
        boolean console = System.console() != null;
        return new Terminal(wantsColour(console, System.getenv("NO_COLOR")), console);
    }

    /** A person at a terminal, not a log: live displays make sense. */
    boolean interactive() {
        return interactive;
    }

    /** NO_COLOR set to anything non-empty wins over a terminal. */
    static boolean wantsColour(boolean console, String noColor) {
        return console && (noColor == null || noColor.isEmpty());
    }

    String status(Status status) {
        String label = switch (status) {
            case PASS -> "PASS ";
            case FAIL -> "FAIL ";
            case SKIPPED -> "SKIP ";
            case ERROR -> "ERROR";
        };
        return paint(label, switch (status) {
            case PASS -> GREEN;
            case FAIL, ERROR -> RED;
            case SKIPPED -> YELLOW;
        });
    }

    /** A lab's badge padded to the widest one ("PARTIAL"), so lab rows line up. */
    String badge(LabBadge badge) {
        return paint(String.format("%-7s", badge.name()), switch (badge) {
            case PASS -> GREEN;
            case FAIL, ERROR -> RED;
            case PARTIAL, SKIPPED -> YELLOW;
        });
    }

    /** The outcome padded to the widest one, so teardown rows line up. */
    String outcome(TeardownRecord.Outcome outcome) {
        String label = String.format("%-12s", outcome.name());
        return paint(label, switch (outcome) {
            case DELETED, ALREADY_GONE, SCHEDULED -> GREEN;
            case FAILED -> RED;
            case KEPT -> MAGENTA;
        });
    }

    String bold(String text) {
        return paint(text, "1");
    }

    String dim(String text) {
        return paint(text, "2");
    }

    private String paint(String text, String code) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
