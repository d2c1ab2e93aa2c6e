package io.awslabs.cli;

import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabText;
import io.awslabs.text.Columns;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the labs: id, title, AWS services.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Messages say = Messages.of(ListCommand.class, root.lang());
        List<LabText> labs = new LabCatalog().all().stream().map(l -> LabText.of(l, say.lang())).toList();
        int idWidth = labs.stream().mapToInt(l -> l.id().length()).max().orElse(2);
        List<String> titles = labs.stream().map(LabText::title).toList();
        int titleWidth = Math.max(Columns.of(say.get("list.title")), titles.stream().mapToInt(Columns::of).max().orElse(5));
        out.println(Columns.pad(say.get("list.id"), idWidth) + "  " + Columns.pad(say.get("list.title"), titleWidth)
                + "  " + say.get("list.services"));
        for (LabText lab : labs) {
            out.println(Columns.pad(lab.id(), idWidth) + "  " + Columns.pad(lab.title(), titleWidth) + "  "
                    + String.join(", ", lab.info().services()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
