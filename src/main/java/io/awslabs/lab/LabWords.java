package io.awslabs.lab;

import io.awslabs.text.Phrase;

/**
 * What the labs of one package say while they run, the names of their steps and what their waits
 * are for: the bundle {@code run_<lang>.properties} next to them, one key in every language
 * (MessagesTest fails the build when the Chinese lacks one). A helper the labs share, with no
 * context of its own, names its package by one of its classes.
 */
public final class LabWords {
    public static final String BUNDLE = "run";

    private LabWords() { }

    public static Phrase of(Class<?> inPackage, String key, Object... args) {
        return Phrase.of(inPackage, BUNDLE, key, args);
    }
}
