package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.challenge.PlaceOpener;
import io.awslabs.lab.ChallengeText;
import io.awslabs.lab.Progress;
import io.awslabs.lab.StateDirs;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.ChallengeRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/** What the challenge commands share: the session on the state directory, the active challenge, and how a check reads. */
final class ChallengeCli {
    private ChallengeCli() { }

    static Path emulatorDir() {
        return StateDirs.root().resolve("emulator");
    }

    static ChallengeSession session(boolean verbose, Progress progress) {
        return new ChallengeSession(StateDirs.root(), opener(verbose, progress), progress, LabsCommand.Version.current());
    }

    static PlaceOpener opener(boolean verbose, Progress progress) {
        return new PlaceOpener(emulatorDir(), verbose, line -> progress.info(null, line));
    }

    static ChallengeState active(ChallengeSession session) {
        try {
            return session.requireActive();
        } catch (ChallengeSession.NoActiveChallenge e) {
            throw new UsageException(new ErrorText("noChallenge"));
        }
    }

    /** The challenge's target; a background emulator that stopped is an environment error that says what to do. */
    static Target open(ChallengeSession.TargetOpener opener, ChallengeState state) {
        try {
            return opener.open(state.target(), state.target().region());
        } catch (PlaceOpener.EmulatorGone e) {
            throw EnvironmentException.of("challengeEmulatorGone", e.kind(), e.endpoint(), state.lab());
        }
    }

    /** Progress on stderr without the checks: the command prints those itself, on stdout. */
    static Progress progress(Terminal terminal, Lang lang) {
        ConsoleProgress console = new ConsoleProgress(System.err, terminal, lang);
        return new Progress() {
            @Override public void labStarted(String labId, int index, int count) { console.labStarted(labId, index, count); }
            @Override public void stepStarted(String labId, Said step) { console.stepStarted(labId, step); }
            @Override public void stepFinished(String labId, Said step, long millis, String outcome) {
                console.stepFinished(labId, step, millis, outcome);
            }
            @Override public void waiting(String labId, Said what, Duration elapsed, Duration timeout, String lastAnswer) {
                console.waiting(labId, what, elapsed, timeout, lastAnswer);
            }
            @Override public void assertion(String labId, AssertionRecord record) { }
            @Override public void teardown(String labId, TeardownRecord record) { console.teardown(labId, record); }
            @Override public void info(String labId, Said message) { console.info(labId, message); }
        };
    }

    static Collection<Path> write(RunReport report, Path dir, Set<ReportFormat> formats) {
        try {
            return ReportFiles.write(report, dir, formats).values();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /** Each check with its status, and for what did not pass, why in the learner's terms. */
    static void printCheck(PrintWriter out, RunReport report, Terminal terminal, Collection<Path> files,
                           ChallengeText text, Lang lang) {
        Messages say = Messages.of(ChallengeCli.class, "challenge", lang);
        ChallengeRecord c = report.challenge();
        LabReport lab = report.labs().get(0);
        out.println();
        out.println(c.skipped() > 0
                ? say.get("check.summarySkipped", c.lab(), report.runId(), report.target().kind(), c.passed(), c.total(), c.skipped())
                : say.get("check.summary", c.lab(), report.runId(), report.target().kind(), c.passed(), c.total()));
        for (AssertionRecord a : lab.assertions()) {
            out.printf("  %s  %s%n", terminal.status(a.status()), text.statement(a.id()));
            if (a.status() != Status.PASS && a.reason() != null) {
                out.printf("         %s%n", a.reason(lang));
            }
        }
        // the runner's note is found by its English, which every report has, and shown in the reader's language
        for (int i = 0; i < lab.notes().size(); i++) {
            if (lab.notes().get(i).startsWith("the checks stopped")) {
                out.println("  " + say.get("check.note", lab.notes(lang).get(i)));
            }
        }
        lab.teardown().stream().filter(t -> t.outcome().leftSomething())
                .forEach(t -> out.println("  " + say.get("check.leftBehind", t.type(), t.id(), t.message(lang))));
        String taken = human(Duration.ofMillis(c.timeTakenMs()), lang);
        out.println(say.get(c.solutionApplied() ? "check.hintsSolved" : "check.hints", c.hintsUsed(), taken));
        files.forEach(f -> out.println(say.get("check.report", f)));
        if (!c.complete()) {
            out.println(c.hintsUsed() < 3 ? say.get("check.nextHint", c.hintsUsed() + 1) : say.get("check.solve"));
        }
        out.flush();
    }

    static String human(Duration d, Lang lang) {
        Messages say = Messages.of(ChallengeCli.class, "challenge", lang);
        if (d.toHours() > 0) {
            return say.get("time.hours", d.toHours(), d.toMinutesPart());
        }
        return d.toMinutes() > 0 ? say.get("time.minutes", d.toMinutes(), d.toSecondsPart())
                : say.get("time.seconds", d.toSeconds());
    }

    /** A value for a shell: as it is when safe, else in single quotes. */
    static String shellQuote(String value) {
        return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
