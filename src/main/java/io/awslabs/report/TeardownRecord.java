package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What happened to one ledger entry at teardown; {@code scheduledFor} is when a SCHEDULED deletion
 * will happen (null otherwise, and in reports written before SCHEDULED existed).
 */
public record TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant scheduledFor) {

    public TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs) {
        this(type, id, outcome, message, durationMs, null);
    }

    /** The message, and for a SCHEDULED deletion when it happens: what a report's teardown row says. */
    public String detail() {
        return ReportText.teardownDetail(this, io.awslabs.text.Lang.EN);
    }

    /**
     * SCHEDULED: the service deletes it later (a KMS key, after its waiting period); it stays,
     * unusable, until {@code scheduledFor}, and nothing more needs to be done.
     */
    public enum Outcome {
        DELETED, ALREADY_GONE, SCHEDULED, FAILED, KEPT;

        public boolean leftSomething() {
            return this == FAILED || this == KEPT;
        }
    }
}
