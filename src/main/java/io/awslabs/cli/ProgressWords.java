package io.awslabs.cli;

import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.util.Set;

/**
 * The words of the progress lines in one language. The runner names its steps and their outcome
 * in English ("provision", "failed: ..."), as the report records them; the three steps every lab
 * has and the outcome read in the learner's language, a lab's own sub-steps as the lab names them.
 */
final class ProgressWords {
    private static final Set<String> RUNNER_STEPS = Set.of("provision", "verify", "teardown");
    private static final String FAILED = "failed: ";

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

    String step(String name) {
        return RUNNER_STEPS.contains(name) ? say.get("step." + name) : name;
    }

    String outcome(String outcome) {
        if ("ok".equals(outcome)) return say.get("step.ok");
        if (outcome != null && outcome.startsWith(FAILED)) return say.get("step.failed", outcome.substring(FAILED.length()));
        return outcome;
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
