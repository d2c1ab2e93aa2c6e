package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One assertion's outcome. {@code reason} explains SKIPPED and ERROR; {@code note} carries
 * remarks such as a declared emulator gap that no longer reproduces. {@code localProof}: the lab
 * declares that the checks use only this machine (the local JDK), not the target, so a PASS is
 * not the target's; a report written before the field existed reads as false. {@code
 * translations} holds the statement, and a reason the runner can say in words, in every other
 * language, keyed by language tag ("zh"): the English stays the record's own, so a report written
 * in one language can be shown in the other.
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
        boolean localProof,
        Map<String, Translation> translations) {

    @JsonCreator
    public AssertionRecord {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** An assertion whose texts are in English only. */
    public AssertionRecord(String id, String statement, Status status, String expected, String actual, String reason,
                           String note, Map<String, String> evidence, List<Check> checks, long durationMs,
                           boolean localProof) {
        this(id, statement, status, expected, actual, reason, note, evidence, checks, durationMs, localProof, Map.of());
    }

    /** An assertion proven against the target. */
    public AssertionRecord(String id, String statement, Status status, String expected, String actual, String reason,
                           String note, Map<String, String> evidence, List<Check> checks, long durationMs) {
        this(id, statement, status, expected, actual, reason, note, evidence, checks, durationMs, false);
    }

    /** A PASS that the target showed, not one made on this machine alone. */
    public boolean provenByTarget() {
        return status == Status.PASS && !localProof;
    }

    /** The statement in {@code lang}, or in English where the report has no translation. */
    public String statement(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.statement() == null ? statement : t.statement();
    }

    /** The reason in {@code lang}, or in English where the report has no translation. */
    public String reason(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.reason() == null ? reason : t.reason();
    }

    /** The note in {@code lang}, or as recorded where the report has no translation of it. */
    public String note(Lang lang) {
        Translation t = translations.get(lang.tag());
        return t == null || t.note() == null ? note : t.note();
    }

    /** This record with its texts in another language as well. */
    public AssertionRecord translated(Lang lang, Translation translation) {
        Map<String, Translation> all = new TreeMap<>(translations);
        all.put(lang.tag(), translation);
        return new AssertionRecord(id, statement, status, expected, actual, reason, note, evidence, checks, durationMs,
                localProof, all);
    }

    /**
     * A statement, a reason and a note in another language; a null reason or note reads in
     * English (a report written before notes were translated has none).
     */
    public record Translation(String statement, String reason,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
        @JsonCreator
        public Translation { }

        public Translation(String statement, String reason) {
            this(statement, reason, null);
        }
    }

    public record Check(String what, String expected, String actual, boolean held) { }
}
