package io.awslabs.cli;

import io.awslabs.lab.Progress;
import io.awslabs.lab.RunSteps;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.ReportText;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A guided run ({@code --step}): after provisioning and after each assertion it says what just
 * happened, gives the AWS CLI commands to look at it by hand (the run's resources by their tag;
 * the calls the assertion made), and waits for Enter. Ctrl-C at a pause stops the run the usual
 * way: the exit guard tears down. The end of input ends the pauses, not the run.
 */
final class SteppingProgress implements Progress {
    private final Progress lines;
    private final PrintStream out;
    private final BufferedReader keys;
    private final ProgressWords say;
    private List<String> lookAround = List.of();
    private boolean answering = true;

    SteppingProgress(Progress lines, PrintStream out, BufferedReader keys, Lang lang) {
        this.lines = lines;
        this.out = out;
        this.keys = keys;
        this.say = new ProgressWords(lang);
    }

    /** The commands that show what the run has made on its target, once the target is known. */
    void lookAround(List<String> commands) {
        this.lookAround = List.copyOf(commands);
    }

    @Override
    public void labStarted(String labId, int index, int count) {
        lines.labStarted(labId, index, count);
    }

    @Override
    public void stepStarted(String labId, Said step) {
        lines.stepStarted(labId, step);
    }

    @Override
    public void stepFinished(String labId, Said step, long millis, String outcome) {
        lines.stepFinished(labId, step, millis, outcome);
        if (RunSteps.PROVISION.equals(step) && ReportText.STEP_OK.equals(outcome)) {
            out.println("  " + say.get("step.provisioned", labId));
            lookAround.forEach(command -> out.println("    $ " + command));
            pause();
        }
    }

    @Override
    public void assertion(String labId, AssertionRecord a) {
        lines.assertion(labId, a);
        String statement = a.statement(say.lang());
        out.println("  " + (a.status() == Status.PASS ? say.get("step.proven", statement)
                : say.get("step.notProven", a.status(), statement)));
        List<String> commands = a.evidence().entrySet().stream().filter(e -> e.getKey().endsWith(".cli"))
                .map(e -> e.getValue()).toList();
        if (!commands.isEmpty()) {
            out.println("  " + say.get("step.calls"));
            commands.forEach(command -> out.println("    $ " + command));
        }
        pause();
    }

    @Override
    public void teardown(String labId, TeardownRecord record) {
        lines.teardown(labId, record);
    }

    @Override
    public void info(String labId, Said message) {
        lines.info(labId, message);
    }

    @Override
    public void waiting(String labId, Said what, java.time.Duration elapsed, java.time.Duration timeout, String lastAnswer) {
        lines.waiting(labId, what, elapsed, timeout, lastAnswer);
    }

    private void pause() {
        if (!answering) {
            return;
        }
        out.print("  " + say.get("step.pause") + " ");
        out.flush();
        try {
            answering = keys.readLine() != null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the terminal", e);
        }
    }
}
