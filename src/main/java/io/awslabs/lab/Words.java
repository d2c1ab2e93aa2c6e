package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportText;
import io.awslabs.report.StepRecord;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A text the runner can say in every language: a statement, or a reason it words itself (a
 * declared gap, an AWS-only skip, a lab this target cannot run). A reason that is only what an
 * exception or the target said has no words of the runner's, and stays as it was said.
 */
@FunctionalInterface
interface Words extends Said {
    /** Every language a report carries besides English, the record's own. */
    List<Lang> OTHER_LANGUAGES = Arrays.stream(Lang.values()).filter(l -> l != Lang.EN).toList();

    /** The runner's phrases: the report package's bundle, since they are read in reports. */
    static Messages phrases(Lang lang) {
        return Messages.of(ReportText.class, lang);
    }

    /** "known moto gap: REASON (the target answered: ANSWER)", the gap's reason in each language. */
    static Words knownGap(String emulator, Words gapReason, String answered) {
        return lang -> phrases(lang).get("run.knownGap", emulator, gapReason.in(lang), answered);
    }

    static Words awsOnly(Words why) {
        return lang -> phrases(lang).get("run.awsOnly", why.in(lang));
    }

    /** A lab this target cannot run, and the target's own account of what it lacks, in each language. */
    static Words cannotRun(Said why) {
        return lang -> phrases(lang).get("run.cannotRun", why.in(lang));
    }

    /** Why IAM policies decide nothing on this target, or why nothing tells: a note of the lab's report. */
    static Words iamEnforcement(Said why) {
        return lang -> phrases(lang).get("run.iamEnforcement", why.in(lang));
    }

    /** The first note of a lab that stopped early; {@code error} is what was thrown, as it was said. */
    static Words labStoppedEarly(String error) {
        return lang -> phrases(lang).get("run.labStoppedEarly", error);
    }

    /** The first note of a challenge whose checks stopped early. */
    static Words checksStoppedEarly(String error) {
        return lang -> phrases(lang).get("run.checksStoppedEarly", error);
    }

    /** What {@code --keep} leaves, as its teardown row says. */
    static Words keptByKeep() {
        return lang -> phrases(lang).get("teardown.keptByKeep");
    }

    /** A recorded resource whose type no kind of this version knows, so nothing can delete it. */
    static Words noKindOfType() {
        return lang -> phrases(lang).get("teardown.noKind");
    }

    /** What {@code said} makes of each language a report carries besides English, by language tag. */
    static <T> Map<String, T> inOtherLanguages(Function<Lang, T> said) {
        Map<String, T> all = new LinkedHashMap<>();
        for (Lang lang : OTHER_LANGUAGES) {
            all.put(lang.tag(), said.apply(lang));
        }
        return all;
    }

    /** A teardown message the toolkit worded: the English is the record's, the others beside it. */
    static Map<String, TeardownRecord.Translation> teardownTranslations(Said message) {
        return inOtherLanguages(lang -> new TeardownRecord.Translation(message.in(lang)));
    }

    /** A step's name: the English is the record's, the others beside it. */
    static Map<String, StepRecord.Translation> stepTranslations(Said name) {
        return inOtherLanguages(lang -> new StepRecord.Translation(name.in(lang)));
    }

    /**
     * A lab's notes, English for the record, the others in the same order beside it, and why the
     * target could not run it ({@code skipReason}, null when it ran).
     */
    static Map<String, LabReport.Translation> labTranslations(List<? extends Said> notes, Said skipReason) {
        if (notes.isEmpty() && skipReason == null) {
            return Map.of();
        }
        return inOtherLanguages(lang -> new LabReport.Translation(notes.stream().map(n -> n.in(lang)).toList(),
                skipReason == null ? null : skipReason.in(lang)));
    }

    static List<String> english(List<? extends Said> notes) {
        return notes.stream().map(n -> n.in(Lang.EN)).toList();
    }

    /** An assertion the lab never reached: {@code labError} says why when the lab stopped early. */
    static Words notReached(String labError) {
        return lang -> labError == null ? phrases(lang).get("run.notReached")
                : phrases(lang).get("run.notReachedLabStopped", labError);
    }

    /** A check never reached: {@code error} says why when the checks stopped early. */
    static Words checkNotReached(String error) {
        return lang -> error == null ? phrases(lang).get("run.notReached")
                : phrases(lang).get("run.notReachedChecksStopped", error);
    }

    /** The statement and, where the runner worded it, the reason in every other language; null reads English. */
    static Map<String, AssertionRecord.Translation> translations(Words statement, Words reason) {
        return translations(statement, reason, null);
    }

    /** As {@link #translations(Words, Words)}, with the runner's note on a declared gap. */
    static Map<String, AssertionRecord.Translation> translations(Words statement, Words reason, Words note) {
        return inOtherLanguages(lang -> new AssertionRecord.Translation(statement.in(lang),
                reason == null ? null : reason.in(lang), note == null ? null : note.in(lang)));
    }

    /** A declared gap whose symptom did not show: what it is declared for, and what happened instead (as described). */
    static Words gapNotMatched(String emulator, Words gapReason, String symptom, String outcome) {
        return lang -> phrases(lang).get("run.gapNotMatched", emulator, gapReason.in(lang), symptom, outcome);
    }

    /** A declared gap the target no longer shows. */
    static Words gapGone(String emulator, Words gapReason) {
        return lang -> phrases(lang).get("run.gapGone", emulator, gapReason.in(lang));
    }

    /** The lab as a report describes it: its title, concept and exam angle in every other language as well. */
    static LabReport.LabSummary summaryOf(LabInfo info, Function<Lang, LabText> texts) {
        Map<String, LabReport.LabSummary.Translation> translations = inOtherLanguages(lang -> {
            LabText t = texts.apply(lang);
            return new LabReport.LabSummary.Translation(t.title(), t.concept(), t.examAngle());
        });
        return new LabReport.LabSummary(info.id(), info.title(), info.concept(), info.examAngle(), info.services(),
                info.costPerRunUsd(), translations);
    }
}
