package io.awslabs.cli;

import io.awslabs.report.Status;

/** Colour only for a person at a terminal, never when NO_COLOR is set (no-color.org). */
final class Terminal {
    private final boolean colour;

    Terminal(boolean colour) {
        this.colour = colour;
    }

    static Terminal detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Terminal(System.console() != null && (noColor == null || noColor.isEmpty()));
    }

    String status(Status status) {
        String label = switch (status) {
            case PASS -> "PASS ";
            case FAIL -> "FAIL ";
            case SKIPPED -> "SKIP ";
            case ERROR -> "ERROR";
        };
        if (!colour) {
            return label;
        }
        String code = switch (status) {
            case PASS -> "32";
            case FAIL, ERROR -> "31";
            case SKIPPED -> "33";
        };
        return "\u001b[" + code + "m" + label + "\u001b[0m";
    }

    String bold(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }
}
