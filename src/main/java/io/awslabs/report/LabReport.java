package io.awslabs.report;

import java.time.Instant;
import java.util.List;

/** Everything one lab did in a run. */
public record LabReport(
        LabSummary lab,
        Status status,
        String skipReason,
        Instant startedAt,
        long durationMs,
        List<StepRecord> steps,
        List<AssertionRecord> assertions,
        List<TeardownRecord> teardown,
        List<String> notes) {

    /** The lab's description as it was when it ran, so a report stands on its own. */
    public record LabSummary(String id, String title, String concept, String examAngle,
                             List<String> services, double costPerRunUsd) { }

    public boolean teardownIncomplete() {
        return teardown.stream().anyMatch(t -> t.outcome() == TeardownRecord.Outcome.FAILED);
    }
}
