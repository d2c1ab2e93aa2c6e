package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Said;

/** What the runner tells whoever is watching; the CLI prints it on stderr. */
public interface Progress {
    void labStarted(String labId, int index, int count);

    /** {@code step} is said in the watcher's language; the report keeps its English. */
    void stepStarted(String labId, Said step);

    void stepFinished(String labId, Said step, long millis, String outcome);

    void assertion(String labId, AssertionRecord record);

    void teardown(String labId, TeardownRecord record);

    /** A line in the watcher's language: an emulator starting, a resource created. */
    void info(String labId, Said message);

    /** A deliberate wait in progress: what for, how long so far, the limit, and the last answer seen. */
    default void waiting(String labId, Said what, java.time.Duration elapsed, java.time.Duration timeout, String lastAnswer) {
        info(labId, waitLine(what, elapsed, timeout, lastAnswer));
    }

    /** The line a wait is shown by where no bar can be drawn: what for, how long so far, the limit, the last answer. */
    static Said waitLine(Said what, java.time.Duration elapsed, java.time.Duration timeout, String lastAnswer) {
        return lastAnswer == null || lastAnswer.isBlank()
                ? RunWords.phrase("waiting", what, elapsed.toSeconds(), timeout.toSeconds())
                : RunWords.phrase("waitingLast", what, elapsed.toSeconds(), timeout.toSeconds(), lastAnswer);
    }

    Progress SILENT = new Progress() {
        @Override public void labStarted(String labId, int index, int count) { }
        @Override public void stepStarted(String labId, Said step) { }
        @Override public void stepFinished(String labId, Said step, long millis, String outcome) { }
        @Override public void assertion(String labId, AssertionRecord record) { }
        @Override public void teardown(String labId, TeardownRecord record) { }
        @Override public void info(String labId, Said message) { }
    };
}
