package io.awslabs.resources;

import io.awslabs.text.Phrase;

/**
 * The words the resource kinds say while they are created and deleted (teardown messages, the
 * notes and progress lines about deleting), from the teardown bundle of this package: one bundle
 * for every kind, as they say the same few things of different resources.
 */
public final class TeardownWords {
    public static final String BUNDLE = "teardown";

    private TeardownWords() { }

    public static Phrase phrase(String key, Object... args) {
        return Phrase.of(TeardownWords.class, BUNDLE, key, args);
    }
}
