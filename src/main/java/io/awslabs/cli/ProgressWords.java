package io.awslabs.cli;

import io.awslabs.report.ReportText;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;

/**
 * The words of the progress lines in one language. A step's outcome is recorded in English ("ok",
 * "failed: ..."), as the report keeps it, and reads in the learner's language.
 */
final class ProgressWords {

    private final Messages say;

    ProgressWords(Lang lang) {
        this.say = Messages.of(ProgressWords.class, "progress", lang);
    }

    Lang lang() {
        return say.lang();
    }

    String get(String key, Object... args) {
        return say.get(key, args);
    }

    String outcome(String outcome) {
        return ReportText.stepOutcome(outcome, say.lang());
    }

    String outcome(TeardownRecord.Outcome outcome) {
        return say.get("teardown." + outcome.name());
    }

    /** What {@link TeardownRecord#detail()} says, in this language: the message, and when a scheduled deletion happens. */
    String detail(TeardownRecord t) {
        String message = t.message(say.lang());
        if (t.scheduledFor() == null) return message;
        String when = say.get("teardown.when", t.scheduledFor());
        return message == null ? when : say.get("teardown.messageAndWhen", message, when);
    }
}
