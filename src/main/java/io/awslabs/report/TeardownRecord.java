package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.awslabs.text.Lang;
import java.time.Instant;
import java.util.Map;

/**
 * What happened to one ledger entry at teardown; {@code scheduledFor} is when a SCHEDULED deletion
 * will happen (null otherwise, and in reports written before SCHEDULED existed). {@code
 * translations} holds the message in every other language, keyed by language tag ("zh"), when the
 * toolkit worded it; a message that is what AWS or an exception said has none, and reads as said.
 * The English stays the record's own {@code message}, the stable text CI and old readers know.
 */
public record TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant scheduledFor,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Translation> translations) {

    @JsonCreator
    public TeardownRecord {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs, Instant scheduledFor) {
        this(type, id, outcome, message, durationMs, scheduledFor, Map.of());
    }

    public TeardownRecord(String type, String id, Outcome outcome, String message, long durationMs) {
        this(type, id, outcome, message, durationMs, null);
    }

    /** The message in {@code lang}, or as recorded where the report has no translation. */
    public String message(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.message() == null ? message : t.message();
    }

    /** The message, and for a SCHEDULED deletion when it happens: what a report's teardown row says. */
    public String detail() {
        return ReportText.teardownDetail(this, Lang.EN);
    }

    public record Translation(String message) { }

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
