package io.awslabs.cli;

import io.awslabs.lab.Progress;
import io.awslabs.lab.RunSteps;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Redactor;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live summary for a person at a terminal while several labs run at once: one bar per lab,
 * its assertions done out of those it declares, and what it is doing now. Lines of events from
 * several labs would interleave unreadably on a terminal; they are what a log gets
 * ({@link ConsoleProgress}), and the report and the summary keep every one of them.
 */
final class LiveLabBars implements Progress {
    private final PrintStream out;
    private final Map<String, Integer> assertionsOf;
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    private final ProgressWords say;

    /** {@code assertionsOf}: how many assertions each lab of the run declares. */
    LiveLabBars(PrintStream out, Map<String, Integer> assertionsOf, Lang lang) {
        this.out = out;
        this.assertionsOf = assertionsOf;
        this.say = new ProgressWords(lang);
    }

    @Override
    public synchronized void labStarted(String labId, int index, int count) {
        bars.put(labId, new ProgressBarBuilder()
                .setTaskName(labId)
                .setInitialMax(assertionsOf.getOrDefault(labId, 0))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setMaxRenderedLength(100)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(out))
                .hideEta()
                .build());
    }

    @Override
    public void stepStarted(String labId, Said step) {
        say(labId, say.get("step.started", step.in(say.lang())));
    }

    @Override
    public synchronized void stepFinished(String labId, Said step, long millis, String outcome) {
        say(labId, say.get("step.finishedShort", step.in(say.lang()), say.outcome(outcome)));
        if (RunSteps.TEARDOWN.equals(step)) {
            ProgressBar bar = bars.get(labId);
            if (bar != null) {
                bar.close();
            }
        }
    }

    @Override
    public synchronized void assertion(String labId, AssertionRecord a) {
        ProgressBar bar = bars.get(labId);
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(a.status() + " " + a.id());
        }
    }

    @Override
    public void teardown(String labId, TeardownRecord t) {
        say(labId, say.get("teardown.short", t.type(), say.outcome(t.outcome())));
    }

    @Override
    public synchronized void info(String labId, Said said) {
        String message = said.in(say.lang());
        if (labId == null || !bars.containsKey(labId)) {
            out.println(Redactor.redact("labs  " + message));
            out.flush();
            return;
        }
        say(labId, message);
    }

    @Override
    public void waiting(String labId, Said what, Duration elapsed, Duration timeout, String lastAnswer) {
        say(labId, say.get("wait.short", what.in(say.lang()), elapsed.toSeconds(), timeout.toSeconds()));
    }

    private synchronized void say(String labId, String message) {
        ProgressBar bar = bars.get(labId);
        if (bar != null) {
            bar.setExtraMessage(Redactor.redact(message));
        }
    }

    /** Closes the bars still open (a lab that ended without teardown, Ctrl-C). */
    synchronized void finish() {
        bars.values().forEach(ProgressBar::close);
    }
}
