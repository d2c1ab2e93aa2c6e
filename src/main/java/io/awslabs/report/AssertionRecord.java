package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * One assertion's outcome. {@code reason} explains SKIPPED and ERROR; {@code note} carries
 * remarks such as a declared emulator gap that no longer reproduces. {@code localProof}: the lab
 * declares that the checks use only this machine (the local JDK), not the target, so a PASS is
 * not the target's; a report written before the field existed reads as false.
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
        long durationMs,
        boolean localProof) {

    @JsonCreator
    public AssertionRecord { }

    /** An assertion proven against the target. */
    public AssertionRecord(String id, String statement, Status status, String expected, String actual, String reason,
                           String note, Map<String, String> evidence, List<Check> checks, long durationMs) {
        this(id, statement, status, expected, actual, reason, note, evidence, checks, durationMs, false);
    }

    /** A PASS that the target showed, not one made on this machine alone. */
    public boolean provenByTarget() {
        return status == Status.PASS && !localProof;
    }

    public record Check(String what, String expected, String actual, boolean held) { }
}
