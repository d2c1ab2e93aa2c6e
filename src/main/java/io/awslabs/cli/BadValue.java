package io.awslabs.cli;

import io.awslabs.text.Lang;
import picocli.CommandLine;

/**
 * A value the command line cannot take, found while parsing, before anything runs: one line
 * that names the value, and a hint with the fix (exit 2), in the learner's language.
 */
final class BadValue extends CommandLine.TypeConversionException {
    private final transient ErrorText text;

    BadValue(ErrorText text) {
        super(text.message(Lang.EN));
        this.text = text;
    }

    ErrorText text() {
        return text;
    }

    String hint() {
        return text.hint(Lang.EN);
    }
}
