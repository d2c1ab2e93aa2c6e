package io.awslabs.report;

import java.time.Instant;
import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;

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
