package io.awslabs.cli;

import io.awslabs.lab.Gap;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.report.FidelityMatrix;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", description = "What a lab proves: concept, exam angle, resources, assertions, cost.")
final class DescribeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "Lab id (see 'labs list').")
    String labId;

    @Override
    public Integer call() {
        LabInfo info = new LabResolver().one(labId).info();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s%n%n", info.id(), info.title());
        section(out, "Concept", info.concept());
        section(out, "Exam angle", info.examAngle());
        list(out, "Creates", info.creates());
        out.println("Assertions");
        for (LabInfo.AssertionInfo a : info.assertions()) {
            out.printf("  - %s: %s%n", a.id(), a.statement());
            if (info.provenLocally().contains(a.id())) {
                out.printf("      a local proof: its checks run on this machine, not on the target%n");
            }
            if (info.onAwsNeeds().containsKey(a.id())) {
                out.printf("      on AWS: %s%n", info.awsExpectation(a.id()));
            }
            String awsOnly = info.awsOnly().get(a.id());
            if (awsOnly != null) {
                out.printf("      SKIPPED on every emulator (real AWS only): %s%n", awsOnly);
            }
            for (Gap gap : info.gaps()) {
                if (gap.assertionId().equals(a.id())) {
                    out.printf("      SKIPPED on %s: %s%n", gap.emulator().displayName(), gap.reason());
                }
            }
        }
        out.println();
        options(out, info.options());
        fidelity(out, info);
        section(out, "Services", String.join(", ", info.services()));
        section(out, "Cost of one run on AWS", String.format("about $%.2f: %s", info.costPerRunUsd(), info.costNote()));
        list(out, "IAM actions needed", info.iamActions());
        list(out, "Notes", info.notes());
        list(out, "Sources", info.sources());
        out.flush();
        return ExitCodes.OK;
    }

    /** What each target proved of this lab in the project's last recorded test run (docs/fidelity.md). */
    private static void fidelity(PrintWriter out, LabInfo info) {
        out.println("Fidelity (the project's last recorded test run; docs/fidelity.md)");
        FidelityMatrix matrix = FidelityMatrix.bundled().orElse(null);
        List<FidelityMatrix.Row> rows = matrix == null ? List.of() : matrix.rowsOf(info.id());
        if (rows.isEmpty()) {
            out.println("  not recorded yet for this lab");
            out.println();
            return;
        }
        List<String> targets = matrix.targets();
        int width = rows.stream().mapToInt(r -> r.assertion().length()).max().orElse(9);
        StringBuilder header = new StringBuilder(String.format("  %-" + width + "s", "assertion"));
        targets.forEach(t -> header.append(String.format("  %-13s", t)));
        out.println(header.toString().stripTrailing());
        for (FidelityMatrix.Row row : rows) {
            StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", row.assertion()));
            FidelityMatrix.Row expected = row.expectingOnAws(info.awsExpectation(row.assertion()));
            targets.forEach(t -> line.append(String.format("  %-13s", FidelityMatrix.label(expected, t))));
            out.println(line.toString().stripTrailing());
        }
        out.println();
    }

    private static void options(PrintWriter out, List<LabOption> options) {
        if (options.isEmpty()) return;
        out.println("Options (--option NAME=VALUE)");
        for (LabOption o : options) {
            out.printf("  - %s (%s%s): %s%n", o.name(), o.type().accepts(),
                    o.defaultValue() == null ? "" : ", default " + o.defaultValue(), o.description());
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
