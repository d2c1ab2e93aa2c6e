package io.awslabs.cli;

import picocli.CommandLine;

/**
 * A value the command line cannot take, found while parsing, before anything runs: one line
 * that names the value, and a hint with the fix (exit 2).
 */
final class BadValue extends CommandLine.TypeConversionException {
    private final String hint;

    BadValue(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
