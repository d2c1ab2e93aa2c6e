package io.awslabs.cli;

import io.awslabs.lab.Progress;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Redactor;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import java.io.PrintStream;

/**
 * Progress lines on stderr, one event per line with the run's elapsed time, so they read the
 * same on a terminal and in a CI log. Every line passes through the redactor.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final Terminal terminal;
    private final long t0 = System.nanoTime();

    ConsoleProgress(PrintStream out, Terminal terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void labStarted(String labId, int index, int count) {
        line(labId, terminal.bold("lab " + index + "/" + count));
    }

    @Override
    public void stepStarted(String labId, String step) {
        line(labId, step + " ...");
    }

    @Override
    public void stepFinished(String labId, String step, long millis, String outcome) {
        line(labId, step + " " + outcome + " (" + millis + " ms)");
    }

    @Override
    public void assertion(String labId, AssertionRecord a) {
        StringBuilder text = new StringBuilder(terminal.status(a.status())).append(' ').append(a.id())
                .append(" (").append(a.durationMs()).append(" ms)");
        if (a.status() == Status.FAIL) {
            text.append(": expected ").append(a.expected()).append(", got ").append(a.actual());
        } else if (a.reason() != null) {
            text.append(": ").append(a.reason());
        }
        if (a.note() != null) {
            text.append(" [").append(a.note()).append(']');
        }
        line(labId, text.toString());
    }

    @Override
    public void teardown(String labId, TeardownRecord t) {
        line(labId, "teardown " + t.type() + " " + t.id() + ": " + t.outcome()
                + (t.message() != null ? " (" + t.message() + ")" : ""));
    }

    @Override
    public void info(String labId, String message) {
        line(labId, message);
    }

    private synchronized void line(String labId, String message) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        String scope = labId == null ? "labs" : labId;
        out.println(Redactor.redact(String.format("[%6.1fs] %s  %s", seconds, scope, message)));
        out.flush();
    }
}
