package io.awslabs.lab;

import java.time.Duration;
import java.util.Map;

/**
 * How to run: keep resources instead of tearing down, how long resources may live (the
 * {@code labs:expires-at} tag), lab options, and the JVM start time for the report's timings.
 */
public record RunOptions(boolean keep, Duration lifetime, Map<String, Object> labOptions, long jvmStartMs) {

    public static RunOptions defaults() {
        return new RunOptions(false, Duration.ofHours(2), Map.of(), 0);
    }
}
