package io.awslabs.lab;

import io.awslabs.text.Phrase;

/**
 * The runner's progress lines (a resource created, a lab skipped or interrupted, a journal opened), from the progress
 * bundle of this package, said in the watcher's language when they are printed. A resource's type
 * ("KMS key") stays as its kind names it, the way AWS names stay English.
 */
public final class RunWords {
    private static final String BUNDLE = "progress";

    private RunWords() { }

    public static Phrase phrase(String key, Object... args) {
        return Phrase.of(RunWords.class, BUNDLE, key, args);
    }

    static Phrase created(String type, String id) {
        return phrase("created", type, id);
    }
}
