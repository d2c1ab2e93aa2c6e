package io.awslabs.cli;

import io.awslabs.lab.Gap;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.LabText;
import io.awslabs.policy.LabPolicy;
import io.awslabs.report.FidelityMatrix;
import io.awslabs.text.Columns;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", description = "What a lab proves: concept, exam angle, resources, assertions, cost.")
final class DescribeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "LAB", description = "Lab id (see 'labs list').")
    String labId;

    @Override
    public Integer call() {
        Messages say = Messages.of(DescribeCommand.class, root.lang());
        LabText text = LabText.of(new LabResolver().one(labId), say.lang());
        LabInfo info = text.info();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s%n%n", info.id(), text.title());
        section(out, say.get("describe.concept"), text.concept());
        section(out, say.get("describe.examAngle"), text.examAngle());
        list(out, say.get("describe.creates"), text.creates());
        out.println(say.get("describe.assertions"));
        for (LabInfo.AssertionInfo a : info.assertions()) {
            out.printf("  - %s: %s%n", a.id(), text.statement(a.id()));
            if (info.provenLocally().contains(a.id())) {
                out.printf("      %s%n", say.get("describe.localProof"));
            }
            if (info.onAwsNeeds().containsKey(a.id())) {
                out.printf("      %s%n", say.get("describe.onAws", info.awsExpectation(a.id(), say.lang())));
            }
            if (info.awsOnly().containsKey(a.id())) {
                out.printf("      %s%n", say.get("describe.awsOnly", text.awsOnlyReason(a.id())));
            }
            for (Gap gap : info.gaps()) {
                if (gap.assertionId().equals(a.id())) {
                    out.printf("      %s%n", say.get("describe.gap", gap.emulator().displayName(), text.gapReason(gap)));
                }
            }
        }
        out.println();
        options(out, say, text);
        fidelity(out, say, info);
        section(out, say.get("describe.services"), String.join(", ", info.services()));
        section(out, say.get("describe.cost"), say.get("describe.costLine",
                String.format(Locale.ROOT, "%.2f", info.costPerRunUsd()), text.costNote()));
        list(out, say.get("describe.iamActions"), List.copyOf(LabPolicy.actionsOf(info)));
        list(out, say.get("describe.notes"), text.notes());
        list(out, say.get("describe.sources"), info.sources());
        out.flush();
        return ExitCodes.OK;
    }

    /** What each target proved of this lab in the project's last recorded test run (docs/fidelity.md). */
    private static void fidelity(PrintWriter out, Messages say, LabInfo info) {
        out.println(say.get("describe.fidelity"));
        FidelityMatrix matrix = FidelityMatrix.bundled().orElse(null);
        List<FidelityMatrix.Row> rows = matrix == null ? List.of() : matrix.rowsOf(info.id());
        if (rows.isEmpty()) {
            out.println("  " + say.get("describe.fidelityNone"));
            out.println();
            return;
        }
        List<String> targets = matrix.targets();
        int width = rows.stream().mapToInt(r -> r.assertion().length()).max().orElse(9);
        StringBuilder header = new StringBuilder("  " + Columns.pad(say.get("describe.fidelityAssertion"), width));
        targets.forEach(t -> header.append("  ").append(Columns.pad(t, 13)));
        out.println(header.toString().stripTrailing());
        for (FidelityMatrix.Row row : rows) {
            StringBuilder line = new StringBuilder("  " + Columns.pad(row.assertion(), width));
            FidelityMatrix.Row expected = row.expectingOnAws(info.awsExpectation(row.assertion(), say.lang()));
            targets.forEach(t -> line.append("  ").append(Columns.pad(label(say, expected, t), 13)));
            out.println(line.toString().stripTrailing());
        }
        out.println();
    }

    /** A cell as the matrix labels it, its words ("not run", "local") in the reader's language. */
    private static String label(Messages say, FidelityMatrix.Row row, String target) {
        FidelityMatrix.Cell cell = row.byTarget().get(target);
        if (cell == null && !target.equals(FidelityMatrix.AWS)) {
            return say.get("describe.fidelityNotRun");
        }
        return cell != null && cell.localProof() ? say.get("describe.fidelityLocal", cell.status().name())
                : FidelityMatrix.label(row, target);
    }

    private static void options(PrintWriter out, Messages say, LabText text) {
        List<LabOption> options = text.info().options();
        if (options.isEmpty()) return;
        out.println(say.get("describe.options"));
        for (LabOption o : options) {
            String type = say.get("option.type." + o.type().name());
            out.printf("  - %s (%s): %s%n", o.name(), o.defaultValue() == null ? type
                    : say.get("describe.optionDefault", type, o.defaultValue()), text.optionDescription(o));
        }
        out.println();
    }

    private static void section(PrintWriter out, String title, String body) {
        if (body == null || body.isBlank()) return;
        out.println(title);
        out.println("  " + body);
        out.println();
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (items.isEmpty()) return;
        out.println(title);
        items.forEach(i -> out.println("  - " + i));
        out.println();
    }
}
