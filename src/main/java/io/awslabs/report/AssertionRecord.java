package io.awslabs.report;

import java.util.List;
import java.util.Map;

/**
 * One assertion's outcome. {@code reason} explains SKIPPED and ERROR; {@code note} carries
 * remarks such as a declared emulator gap that no longer reproduces.
 */
public record AssertionRecord(
        String id,
        String statement,
        Status status,
        String expected,
        String actual,
        String reason,
        String note,
        Map<String, String> evidence,
        List<Check> checks,
        long durationMs) {

    public record Check(String what, String expected, String actual, boolean held) { }
}
