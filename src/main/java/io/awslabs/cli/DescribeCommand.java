package io.awslabs.cli;

import io.awslabs.lab.LabInfo;
import io.awslabs.target.KnownGap;
import io.awslabs.target.KnownGaps;
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
            for (KnownGap gap : KnownGaps.all()) {
                if (gap.labId().equals(info.id()) && gap.assertionId().equals(a.id())) {
                    out.printf("      SKIPPED on %s: %s%n", gap.target().id(), gap.reason());
                }
            }
        }
        out.println();
        section(out, "Services", String.join(", ", info.services()));
        section(out, "Cost of one run on AWS", String.format("about $%.2f: %s", info.costPerRunUsd(), info.costNote()));
        list(out, "IAM actions needed", info.iamActions());
        list(out, "Notes", info.notes());
        list(out, "Sources", info.sources());
        out.flush();
        return ExitCodes.OK;
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
