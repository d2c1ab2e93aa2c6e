package io.awslabs.lab;

import java.security.SecureRandom;

/** Short run ids that fit every resource name rule (S3 buckets: lowercase letters and digits). */
public final class RunIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() { }

    /** Starts with a letter so ids never look like numbers in names or tags. */
    public static String next() {
        StringBuilder id = new StringBuilder(8);
        id.append(ALPHABET.charAt(RANDOM.nextInt(26)));
        for (int i = 1; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
