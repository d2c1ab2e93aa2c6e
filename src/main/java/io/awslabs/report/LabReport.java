package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;

/**
 * Everything one lab did in a run. {@code translations} holds the notes and the skip reason in
 * every other language, keyed by language tag ("zh"), the way a summary and an assertion carry
 * theirs: {@code notes} and {@code skipReason} stay the English, which is what CI and a report
 * written before translations read.
 */
public record LabReport(
        LabSummary lab,
        Status status,
        String skipReason,
        Instant startedAt,
        long durationMs,
        List<StepRecord> steps,
        List<AssertionRecord> assertions,
        List<TeardownRecord> teardown,
        List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Translation> translations) {

    @JsonCreator
    public LabReport {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A lab whose notes are in English only. */
    public LabReport(LabSummary lab, Status status, String skipReason, Instant startedAt, long durationMs,
                     List<StepRecord> steps, List<AssertionRecord> assertions, List<TeardownRecord> teardown,
                     List<String> notes) {
        this(lab, status, skipReason, startedAt, durationMs, steps, assertions, teardown, notes, Map.of());
    }

    /**
     * The notes in {@code lang}; in English where the report has none in it, or where they do not
     * match the English one for one (a note the translation lacks would otherwise go unread).
     */
    public List<String> notes(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.notes() == null || t.notes().size() != notes.size() ? notes : t.notes();
    }

    /** Why the target could not run the lab, in {@code lang}; in English where the report has none in it. */
    public String skipReason(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.skipReason() == null ? skipReason : t.skipReason();
    }

    /** The notes in another language, in the order of the English ones, and the skip reason in it. */
    public record Translation(List<String> notes, @JsonInclude(JsonInclude.Include.NON_NULL) String skipReason) { }

    /**
     * The lab's description as it was when it ran, so a report stands on its own; {@code
     * translations} holds the title, concept and exam angle in every other language, keyed by
     * language tag ("zh").
     */
    public record LabSummary(String id, String title, String concept, String examAngle,
                             List<String> services, double costPerRunUsd, Map<String, Translation> translations) {

        public LabSummary {
            translations = translations == null ? Map.of() : Map.copyOf(translations);
        }

        /** A summary in English only. */
        public LabSummary(String id, String title, String concept, String examAngle, List<String> services,
                          double costPerRunUsd) {
            this(id, title, concept, examAngle, services, costPerRunUsd, Map.of());
        }

        public String title(Lang lang) {
            Translation t = translations.get(lang.tag());
            return t == null ? title : t.title();
        }

        public String concept(Lang lang) {
            Translation t = translations.get(lang.tag());
            return t == null ? concept : t.concept();
        }

        public String examAngle(Lang lang) {
            Translation t = translations.get(lang.tag());
            return t == null ? examAngle : t.examAngle();
        }

        public record Translation(String title, String concept, String examAngle) { }
    }

    public boolean teardownIncomplete() {
        return teardown.stream().anyMatch(t -> t.outcome() == TeardownRecord.Outcome.FAILED);
    }
}
