package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.cleanup.Cleanup;
import io.awslabs.lab.Progress;
import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "stop",
        description = {"End the active challenge: delete its scaffold, the reference solution and everything named "
                + "with its prefix (labs-<lab>-<run id>-...), then stop the background emulator. On aws, a resource "
                + "tagged for the challenge that the tool cannot delete is listed, never deleted."},
        footer = {"%nExamples:", "  labs stop",
                "%nExit codes: 0 everything removed, 2 no challenge active, 3 the target cannot be reached, "
                        + "4 something could not be deleted (the challenge stays active; run 'labs stop' again)."})
final class StopCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Override
    public Integer call() {
        Terminal terminal = Terminal.detect();
        Progress progress = ChallengeCli.progress(terminal, root.lang());
        ChallengeSession session = ChallengeCli.session(root.verbose, progress);
        PrintWriter out = spec.commandLine().getOut();
        Messages say = Messages.of(StopCommand.class, "challenge", root.lang());
        Optional<ChallengeState> active = session.active();
        if (active.isEmpty()) {
            return stopEmulatorOnly(out, say);
        }
        ChallengeState state = active.get();
        Optional<BackgroundEmulator> emulator = BackgroundEmulator.find(ChallengeCli.emulatorDir());
        if (state.target().background() && emulator.filter(e -> e.endpoint().toString().equals(state.target().endpoint()))
                .isEmpty()) {
            session.forget(state);
            out.println(say.get("stop.gone", state.lab(), state.runId(), state.target().kind()));
            out.flush();
            return ExitCodes.OK;
        }
        ChallengeSession.Stopped stopped = session.stop(state);
        print(out, terminal, state, stopped, say);
        if (stopped.anyFailed()) {
            out.println(say.get("stop.stillActive"));
            out.flush();
            return ExitCodes.TEARDOWN_INCOMPLETE;
        }
        if (state.target().background()) {
            emulator.ifPresent(e -> stopEmulator(out, e, say));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, Terminal terminal, ChallengeState state, ChallengeSession.Stopped stopped,
                              Messages say) {
        List<Cleanup.Row> shown = stopped.rows().stream()
                .filter(r -> r.outcome() != Cleanup.Outcome.ALREADY_GONE || "tag".equals(r.source()) || "name".equals(r.source()))
                .toList();
        long alreadyGone = stopped.rows().size() - shown.size();
        out.println(say.get("stop.header", state.lab(), state.runId()));
        for (Cleanup.Row r : shown) {
            out.printf("  %s %s %s%n", terminal.outcome(teardownOutcome(r.outcome())), r.type(),
                    r.detail() == null ? r.id() : say.get("stop.withDetail", r.id(), r.detail(say.lang())));
        }
        if (alreadyGone > 0) {
            out.println("  " + say.get("stop.alreadyGone", alreadyGone));
        }
        stopped.notes().forEach(n -> out.println("  " + say.get("stop.note", n.in(say.lang()))));
        if (!stopped.anyFailed()) {
            out.println(say.get("stop.ended", state.namePrefix()));
        }
    }

    private static io.awslabs.report.TeardownRecord.Outcome teardownOutcome(Cleanup.Outcome outcome) {
        return switch (outcome) {
            case DELETED -> io.awslabs.report.TeardownRecord.Outcome.DELETED;
            case ALREADY_GONE -> io.awslabs.report.TeardownRecord.Outcome.ALREADY_GONE;
            case SCHEDULED -> io.awslabs.report.TeardownRecord.Outcome.SCHEDULED;
            case FAILED, UNCONFIRMED -> io.awslabs.report.TeardownRecord.Outcome.FAILED;
            case WOULD_DELETE -> io.awslabs.report.TeardownRecord.Outcome.KEPT;
        };
    }

    private static int stopEmulatorOnly(PrintWriter out, Messages say) {
        Optional<BackgroundEmulator> emulator = BackgroundEmulator.find(ChallengeCli.emulatorDir());
        if (emulator.isEmpty()) {
            out.println(say.get("stop.nothing"));
        } else {
            out.println(say.get("stop.none"));
            stopEmulator(out, emulator.get(), say);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void stopEmulator(PrintWriter out, BackgroundEmulator emulator, Messages say) {
        String what = emulator.describe().in(say.lang());
        out.println(say.get(emulator.stop() ? "stop.stopped" : "stop.notStopped", what));
    }
}
