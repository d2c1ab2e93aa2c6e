package io.awslabs.cli;

import io.awslabs.lab.Progress;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Redactor;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress lines on stderr, one event per line with the run's elapsed time, so they read the
 * same on a terminal and in a CI log. Every line passes through the redactor. A wait is one line
 * that updates on a terminal (a progress bar up to the wait's limit), and a line every few
 * seconds in a log, never a line per poll.
 */
final class ConsoleProgress implements Progress {
    /** In a log, a wait that lasts says so again at most this often. */
    static final Duration WAIT_LINE_EVERY = Duration.ofSeconds(5);
    private static final int WAIT_BAR_WIDTH = 100;

    private final PrintStream out;
    private final Terminal terminal;
    private final ProgressWords say;
    private final long t0 = System.nanoTime();
    private String waitingFor;
    private long waitShownNanos;
    private ProgressBar waitBar;
    private boolean showCommands;

    ConsoleProgress(PrintStream out, Terminal terminal, Lang lang) {
        this.out = out;
        this.terminal = terminal;
        this.say = new ProgressWords(lang);
    }

    /** Under each assertion, the AWS CLI commands that make the calls it made (for --verbose). */
    ConsoleProgress showingCommands(boolean show) {
        this.showCommands = show;
        return this;
    }

    @Override
    public void labStarted(String labId, int index, int count) {
        line(labId, terminal.bold(say.get("lab.started", index, count)));
    }

    @Override
    public void stepStarted(String labId, Said step) {
        line(labId, say.get("step.started", step.in(say.lang())));
    }

    @Override
    public void stepFinished(String labId, Said step, long millis, String outcome) {
        line(labId, say.get("step.finished", step.in(say.lang()), say.outcome(outcome), millis));
    }

    @Override
    public void assertion(String labId, AssertionRecord a) {
        String status = terminal.status(a.status());
        String text = a.status() == Status.FAIL
                ? say.get("assertion.failed", status, a.id(), a.durationMs(), a.expected(), a.actual())
                : a.reason() != null ? say.get("assertion.reason", status, a.id(), a.durationMs(), a.reason(say.lang()))
                : say.get("assertion", status, a.id(), a.durationMs());
        line(labId, a.note() == null ? text : say.get("assertion.note", text, a.note(say.lang())));
        if (showCommands) {
            a.evidence().forEach((key, value) -> {
                if (key.endsWith(".cli")) {
                    line(labId, "    $ " + value);
                }
            });
        }
    }

    @Override
    public void teardown(String labId, TeardownRecord t) {
        String detail = say.detail(t);
        line(labId, detail == null ? say.get("teardown", t.type(), t.id(), say.outcome(t.outcome()))
                : say.get("teardown.detail", t.type(), t.id(), say.outcome(t.outcome()), detail));
    }

    @Override
    public void info(String labId, Said message) {
        line(labId, message.in(say.lang()));
    }

    @Override
    public synchronized void waiting(String labId, Said awaited, Duration elapsed, Duration timeout, String lastAnswer) {
        String what = awaited.in(say.lang());
        String key = labId + " " + what;
        boolean same = key.equals(waitingFor);
        if (terminal.interactive()) {
            if (!same) {
                endWait();
                waitBar = new ProgressBarBuilder().setTaskName(Redactor.redact((labId == null ? "" : labId + "  ")
                                + say.get("wait.bar", what))).setInitialMax(Math.max(1, timeout.toSeconds())).setUnit(" s", 1)
                        .setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(WAIT_BAR_WIDTH).hideEta()
                        .setConsumer(new ConsoleProgressBarConsumer(out)).build();
            }
            waitBar.stepTo(elapsed.toSeconds());
            waitBar.setExtraMessage(lastAnswer == null ? "" : Redactor.redact(lastAnswer));
        } else if (!same || System.nanoTime() - waitShownNanos >= WAIT_LINE_EVERY.toNanos()) {
            print(labId, Progress.waitLine(awaited, elapsed, timeout, lastAnswer).in(say.lang()));
            waitShownNanos = System.nanoTime();
        }
        waitingFor = key;
    }

    private void endWait() {
        if (waitBar != null) {
            waitBar.close();
            waitBar = null;
        }
        waitingFor = null;
    }

    private synchronized void line(String labId, String message) {
        endWait();
        print(labId, message);
    }

    private void print(String labId, String message) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        String scope = labId == null ? "labs" : labId;
        out.println(Redactor.redact(String.format("[%6.1fs] %s  %s", seconds, scope, message)));
        out.flush();
    }
}
