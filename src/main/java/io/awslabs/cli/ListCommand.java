package io.awslabs.cli;

import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the labs: id, title, AWS services.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LabInfo> labs = new LabCatalog().all().stream().map(l -> l.info()).toList();
        int idWidth = labs.stream().mapToInt(l -> l.id().length()).max().orElse(2);
        int titleWidth = labs.stream().mapToInt(l -> l.title().length()).max().orElse(5);
        String format = "%-" + idWidth + "s  %-" + titleWidth + "s  %s%n";
        out.printf(format, "ID", "TITLE", "SERVICES");
        for (LabInfo lab : labs) {
            out.printf(format, lab.id(), lab.title(), String.join(", ", lab.services()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
