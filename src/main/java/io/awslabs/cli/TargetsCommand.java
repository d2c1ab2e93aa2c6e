package io.awslabs.cli;

import io.awslabs.targets.TargetKind;
import io.awslabs.targets.TargetReadiness;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "targets", aliases = "doctor",
        description = "Which targets work on this machine; for each that does not, why and how to fix it. "
                + "Starts nothing and calls no AWS API.",
        footer = {"%nExit codes:", "  0  the default target (moto) can run", "  3  it cannot (see the fix)"})
final class TargetsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Override
    public Integer call() {
        List<TargetReadiness.Check> checks = TargetReadiness.all(root.verbose);
        PrintWriter out = spec.commandLine().getOut();
        for (TargetReadiness.Check check : checks) {
            out.printf("%-10s  %-9s  %s%n", check.kind().id(), check.ready() ? "ready" : "not ready", check.summary());
            check.details().forEach(d -> out.printf("%-10s  %-9s  %s%n", "", "", d));
            if (check.fix() != null) {
                out.printf("%-10s  %-9s  fix: %s%n", "", "", check.fix());
            }
        }
        out.flush();
        boolean defaultReady = checks.stream().anyMatch(c -> c.kind() == TargetKind.MOTO && c.ready());
        return defaultReady ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }
}
