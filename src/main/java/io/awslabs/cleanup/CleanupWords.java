package io.awslabs.cleanup;

import io.awslabs.text.Phrase;

/**
 * What {@code labs cleanup} says of the runs and resources it finds (a row's detail, a note),
 * from the cleanup bundle of this package, said in the reader's language when printed.
 */
final class CleanupWords {
    private static final String BUNDLE = "cleanup";

    private CleanupWords() { }

    static Phrase phrase(String key, Object... args) {
        return Phrase.of(CleanupWords.class, BUNDLE, key, args);
    }
}
