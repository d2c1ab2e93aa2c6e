package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeRun;
import io.awslabs.lab.Progress;
import io.awslabs.report.ReportFormat;
import io.awslabs.targets.Target;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "solve",
        description = {"Apply the reference solution of the active challenge (the lab's own code for the step), print "
                + "the AWS CLI commands that do the same, then check. Your progress records that the solution was used."},
        footer = {"%nExamples:", "  labs solve",
                "%nExit codes: those of 'labs check'; 3 also when the solution could not be applied."})
final class SolveCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Option(names = "--report-dir", defaultValue = "reports", paramLabel = "DIR",
            description = "Where the report of the check goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--report-format", split = ",", paramLabel = "FORMAT", converter = RunCommand.FormatConverter.class,
            description = "Also write these next to the JSON report: html, junit, md.")
    List<ReportFormat> reportFormats = new ArrayList<>();

    @Override
    public Integer call() {
        Terminal terminal = Terminal.detect();
        Progress progress = ChallengeCli.progress(terminal, root.lang());
        ChallengeSession session = ChallengeCli.session(root.verbose, progress);
        ChallengeState state = ChallengeCli.active(session);
        PrintWriter out = spec.commandLine().getOut();
        ChallengeState solved;
        try (Target target = ChallengeCli.open(ChallengeCli.opener(root.verbose, progress), state)) {
            solved = session.solve(state, target);
        } catch (ChallengeRun.Failed e) {
            spec.commandLine().getErr().println("labs: " + e.getMessage());
            spec.commandLine().getErr().println(ErrorText.say(root.lang(), "hint",
                    Messages.of(SolveCommand.class, "challenge", root.lang()).get("solve.failedHint")));
            return ExitCodes.ENVIRONMENT;
        }
        out.println(Messages.of(SolveCommand.class, "challenge", root.lang()).get("solve.applied"));
        session.challengeOf(solved).commands(solved.scaffold()).forEach(c -> out.println("  " + c));
        out.flush();
        return CheckCommand.checkAndPrint(spec, root, session, solved, progress, terminal, false, reportDir,
                Set.copyOf(reportFormats));
    }
}
