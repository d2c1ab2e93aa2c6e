package io.awslabs.targets;

import io.awslabs.text.Phrase;

/**
 * What the targets say of themselves while a command runs (an emulator starting, the account a
 * run goes to, whether IAM policies decide), from the targets bundle of this package, so each
 * line is said in the learner's language when it is printed.
 */
public final class TargetWords {
    public static final String BUNDLE = "targets";

    private TargetWords() { }

    public static Phrase phrase(String key, Object... args) {
        return Phrase.of(TargetWords.class, BUNDLE, key, args);
    }
}
