package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeText;
import io.awslabs.lab.Progress;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportJson;
import io.awslabs.report.Verdict;
import io.awslabs.report.RunReport;
import io.awslabs.targets.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
        description = {"Check the active challenge against its resources as you left them: each check PASS, FAIL with "
                + "what is wrong, or SKIPPED where the target cannot show it. Only reads (a probe it uploads is its own "
                + "and removed); never fixes anything. Writes a report in the schema of 'labs run'."},
        footer = {"%nExamples:", "  labs check", "  labs check --json | jq .challenge",
                "  labs check --report-format html    # a page to hand to an instructor",
                "%nExit codes: 0 every check passed or was skipped with a reason, 1 otherwise, 2 no challenge active, "
                        + "3 environment error, 4 a probe could not be removed."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Option(names = "--json", description = "Print the report (JSON, the schema of 'labs report schema') instead of the summary.")
    boolean json;

    @Option(names = "--report-dir", defaultValue = "reports", paramLabel = "DIR",
            description = "Where the report files go (default: ${DEFAULT-VALUE}).")
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
        return checkAndPrint(spec, root, session, state, progress, terminal, json, reportDir, Set.copyOf(reportFormats));
    }

    /** One check, its report written and printed; the exit code of {@code labs check}. */
    static int checkAndPrint(CommandLine.Model.CommandSpec spec, LabsCommand root, ChallengeSession session,
                             ChallengeState state, Progress progress, Terminal terminal, boolean json, Path reportDir,
                             Set<ReportFormat> formats) {
        RunReport report;
        try (Target target = ChallengeCli.open(ChallengeCli.opener(root.verbose, progress), state)) {
            report = session.check(state, target, root.jvmStartMs());
        }
        Collection<Path> files = ChallengeCli.write(report, reportDir, formats);
        if (json) {
            spec.commandLine().getOut().print(ReportJson.render(report));
            spec.commandLine().getOut().flush();
        } else {
            ChallengeCli.printCheck(spec.commandLine().getOut(), report, terminal, files,
                    ChallengeText.of(session.challengeOf(state), root.lang()), root.lang());
        }
        return ExitCodes.ofRun(Verdict.of(report));
    }
}
