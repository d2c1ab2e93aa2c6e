package io.awslabs.cli;

import io.awslabs.report.FidelityMatrix;
import io.awslabs.report.LabBadge;
import io.awslabs.report.LabReport;
import io.awslabs.report.ProvenHere;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportText;
import io.awslabs.report.RunReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code labs run} prints on stdout when the labs are done: each lab with its badge and
 * assertions, the verdict with what was proven on this target and what was not, the report
 * files, and what to do next.
 */
final class RunSummary {
    private final RunReport report;
    private final Verdict verdict;
    private final ProvenHere proven;
    private final Terminal terminal;

    RunSummary(RunReport report, Verdict verdict, Optional<FidelityMatrix> matrix, Terminal terminal) {
        this.report = report;
        this.verdict = verdict;
        this.proven = ProvenHere.of(report, matrix);
        this.terminal = terminal;
    }

    void print(PrintWriter out, Map<ReportFormat, Path> files) {
        out.println();
        for (LabReport lab : report.labs()) {
            out.printf("%s  %s  (%.1f s)%n", terminal.badge(LabBadge.of(lab)), lab.lab().id(), lab.durationMs() / 1000.0);
            lab.assertions().forEach(a -> out.printf("    %s  %s%s%s%n", terminal.status(a.status()), a.id(),
                    a.localProof() ? " (" + ReportText.LOCAL_PROOF + ", not the target's)" : "",
                    a.reason() != null ? ": " + a.reason() : ""));
            if (lab.skipReason() != null) {
                out.printf("    skipped: %s%n", lab.skipReason());
            }
            lab.notes().forEach(n -> out.printf("    note: %s%n", n));
            List<TeardownRecord> left = lab.teardown().stream().filter(t -> t.outcome().leftSomething()).toList();
            left.forEach(t -> out.printf("    LEFT BEHIND  %s %s (%s)%n", t.type(), t.id(), t.outcome()));
            lab.teardown().stream().filter(t -> t.outcome() == TeardownRecord.Outcome.SCHEDULED).forEach(t ->
                    out.printf("    SCHEDULED    %s %s: %s%n", t.type(), t.id(), t.detail()));
        }
        out.println();
        out.println(ReportText.totals(report.totals()));
        if ("endpoint".equals(report.target().kind()) && report.target().emulator() == null) {
            out.println("the endpoint did not say which emulator it is: no emulator gap was applied, "
                    + "so what it cannot show is reported as FAIL or ERROR");
        }
        out.println(headline());
        files.values().forEach(file -> out.printf("report: %s%n", file));
    }

    /** "Partly proven: 6 of 7 proven on moto; 1 not shown here: 1 can be proven with --target localstack". */
    String headline() {
        String left = "";
        if (verdict.outcome() == Verdict.Outcome.TEARDOWN_INCOMPLETE) {
            int n = verdict.problems().stream().filter(p -> p.scope() == Verdict.Scope.TEARDOWN).toList().size();
            left = n + " resource(s) left behind, they may still exist and cost money; ";
        }
        return terminal.bold(verdict.outcome().headline()) + ": " + left + proven.sentence();
    }

    /**
     * Every run ends with what to do next: read the report, prove elsewhere what could not be
     * proven here, clean up what was left.
     */
    void printNextSteps(PrintWriter out, Map<ReportFormat, Path> files, boolean somethingToCleanUp) {
        List<String[]> steps = new ArrayList<>();
        Path json = files.get(ReportFormat.JSON);
        Path html = files.get(ReportFormat.HTML);
        steps.add(new String[] {"labs report show " + json, "each assertion, expected against actual"});
        steps.add(html != null ? new String[] {"open " + html, "the same with its evidence, in a browser"}
                : new String[] {"labs run ... --report-format html", "a page with the evidence, to open in a browser"});
        proven.provableWith().forEach((emulator, n) -> steps.add(new String[] {
                "labs run " + labs(proven.labsProvableWith(emulator)) + " --target " + emulator,
                "proves " + n + " that " + proven.target() + " could not show"}));
        if (proven.onlyOnAws() > 0) {
            steps.add(new String[] {"labs run " + labs(proven.notShown().stream()
                    .filter(s -> s.elsewhere().equals(ProvenHere.NotShown.ONLY_AWS)).map(ProvenHere.NotShown::lab)
                    .distinct().toList()) + " --target aws --profile NAME --account ID",
                    proven.onlyOnAws() + " can be shown only on AWS (a sandbox account; it costs money)"});
        }
        if (somethingToCleanUp) {
            steps.add(new String[] {"labs cleanup --run-id " + report.runId(), "what this run left, and --force to delete it"});
        }
        int width = steps.stream().mapToInt(s -> s[0].length()).max().orElse(0);
        out.println();
        for (int i = 0; i < steps.size(); i++) {
            out.printf("%s %-" + width + "s   # %s%n", i == 0 ? "next:" : "     ", steps.get(i)[0], steps.get(i)[1]);
        }
    }

    /** A few lab ids as they go on the command line; many are simpler as --all. */
    private static String labs(List<String> ids) {
        return ids.size() > 3 ? "--all" : String.join(" ", ids);
    }
}
