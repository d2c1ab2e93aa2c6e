package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.awslabs.text.Lang;
import java.time.Instant;
import java.util.Map;

/**
 * A timed phase of a lab (provision, verify, teardown, or a lab's own sub-step). {@code translations}
 * holds the step's name in every other language, keyed by language tag ("zh"); the English stays the
 * record's own {@code name}, the stable text CI and reports written before translations read.
 */
public record StepRecord(String name, Instant startedAt, long durationMs, String outcome,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Translation> translations) {

    @JsonCreator
    public StepRecord {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public StepRecord(String name, Instant startedAt, long durationMs, String outcome) {
        this(name, startedAt, durationMs, outcome, Map.of());
    }

    /** The name in {@code lang}, or as recorded where the report has no translation. */
    public String name(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.name() == null ? name : t.name();
    }

    public record Translation(String name) { }
}
