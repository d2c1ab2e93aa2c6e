package io.awslabs.cli;

import io.awslabs.targets.TargetKind;
import io.awslabs.targets.TargetReadiness;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
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
        Lang lang = root.lang();
        Messages say = Messages.of(TargetsCommand.class, lang);
        // the state column is as wide as the wider word of this language, counted in terminal columns
        int width = Math.max(Columns.of(say.get("targets.ready")), Columns.of(say.get("targets.notReady")));
        for (TargetReadiness.Check check : checks) {
            String state = say.get(check.ready() ? "targets.ready" : "targets.notReady");
            row(out, check.kind().id(), Columns.pad(state, width), check.summary().in(lang));
            check.details().forEach(d -> row(out, "", Columns.pad("", width), d.in(lang)));
            if (check.fix() != null) {
                row(out, "", Columns.pad("", width), say.get("targets.fix", check.fix().in(lang)));
            }
        }
        out.flush();
        boolean defaultReady = checks.stream().anyMatch(c -> c.kind() == TargetKind.MOTO && c.ready());
        return defaultReady ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }

    private static void row(PrintWriter out, String kind, String state, String text) {
        out.printf("%-10s  %s  %s%n", kind, state, text);
    }
}
