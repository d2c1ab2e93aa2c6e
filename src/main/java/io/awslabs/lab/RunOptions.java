package io.awslabs.lab;

import java.time.Duration;
import java.util.Map;

/**
 * How to run: keep resources instead of tearing down, how long resources may live (the
 * {@code labs:expires-at} tag), lab options, the JVM start time for the report's timings, and how
 * many labs may run at once on the target.
 */
public record RunOptions(boolean keep, Duration lifetime, Map<String, String> labOptions, long jvmStartMs, int parallel) {
    /** How long a run's resources may live: what {@code labs:expires-at} points to, from the run's start. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

    public RunOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
    }

    /** One lab at a time. */
    public RunOptions(boolean keep, Duration lifetime, Map<String, String> labOptions, long jvmStartMs) {
        this(keep, lifetime, labOptions, jvmStartMs, 1);
    }

    public static RunOptions defaults() {
        return new RunOptions(false, DEFAULT_LIFETIME, Map.of(), 0);
    }
}
