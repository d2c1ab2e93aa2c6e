package io.awslabs.cli;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.FidelityMatrix;
import io.awslabs.report.LabBadge;
import io.awslabs.report.LabReport;
import io.awslabs.report.ProvenHere;
import io.awslabs.report.RedactedReport;
import io.awslabs.report.ReportText;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.Verdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as a person reads it in a terminal: per lab its assertions with status and
 * statement, expected against actual where one failed, durations, and the teardown table.
 */
final class TerminalReport {
    private static final String STATEMENT_INDENT = "         ";

    private final Terminal terminal;
    private final int width;

    TerminalReport(Terminal terminal, int width) {
        this.terminal = terminal;
        this.width = Math.max(60, width);
    }

    /** $COLUMNS when the shell exports it, else a width that suits most terminals and CI logs. */
    static int widthFromEnvironment() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    void print(RunReport report, PrintWriter out) {
        RunReport r = RedactedReport.of(report);
        out.println(terminal.bold("aws-labs run " + r.runId()) + " on " + ReportText.target(r.target()));
        out.println(terminal.dim("started " + ReportText.instant(r.startedAt()) + ", took "
                + ReportText.duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis())
                + ", aws-labs " + r.toolVersion()));
        if (r.wasInterrupted()) {
            wrapped(out, "", terminal.bold("interrupted") + ": the run was stopped before it ended"
                    + (r.interrupted().labsNotRun().isEmpty() ? ""
                            : "; these labs never ran: " + String.join(", ", r.interrupted().labsNotRun())));
        }
        for (LabReport lab : r.labs()) {
            out.println();
            lab(lab, out);
        }
        Verdict.Outcome outcome = Verdict.of(r).outcome();
        out.println();
        wrapped(out, "", terminal.bold(outcome.headline()) + ": " + outcome.meaning());
        wrapped(out, "", ProvenHere.of(r, FidelityMatrix.bundled()).sentence());
        out.println(ReportText.totals(r.totals()));
        out.flush();
    }

    private void lab(LabReport lab, PrintWriter out) {
        LabReport.LabSummary s = lab.lab();
        out.println(terminal.badge(LabBadge.of(lab)) + "  " + terminal.bold(s.id()) + "  " + s.title()
                + "  (" + ReportText.duration(lab.durationMs()) + ")");
        out.println(STATEMENT_INDENT + terminal.dim(String.join(", ", s.services())
                + String.format(Locale.ROOT, ", about $%.2f per run on AWS", s.costPerRunUsd())));
        if (lab.skipReason() != null) {
            wrapped(out, STATEMENT_INDENT, "not run: " + lab.skipReason());
        }
        for (AssertionRecord a : lab.assertions()) {
            out.println("  " + terminal.status(a.status()) + "  " + a.id() + "  "
                    + terminal.dim("(" + (a.localProof() ? ReportText.LOCAL_PROOF + ", not the target's; " : "")
                    + ReportText.duration(a.durationMs()) + ")"));
            wrapped(out, STATEMENT_INDENT, a.statement());
            if (a.status() == Status.FAIL) {
                wrapped(out, STATEMENT_INDENT, "expected: " + a.expected());
                wrapped(out, STATEMENT_INDENT, "actual:   " + a.actual());
            }
            if (a.reason() != null) {
                wrapped(out, STATEMENT_INDENT, "reason: " + a.reason());
            }
            if (a.note() != null) {
                wrapped(out, STATEMENT_INDENT, "note: " + a.note());
            }
        }
        teardown(lab, out);
        lab.notes().forEach(n -> wrapped(out, "  ", "note: " + n));
    }

    private void teardown(LabReport lab, PrintWriter out) {
        if (lab.teardown().isEmpty()) {
            out.println("  teardown: nothing was created");
            return;
        }
        out.println("  teardown");
        int typeWidth = lab.teardown().stream().mapToInt(t -> t.type().length()).max().orElse(0);
        for (TeardownRecord t : lab.teardown()) {
            out.println("    " + terminal.outcome(t.outcome()) + "  " + String.format("%-" + typeWidth + "s", t.type())
                    + "  " + t.id() + "  " + terminal.dim("(" + ReportText.duration(t.durationMs()) + ")")
                    + (t.message() != null ? "  " + t.message() : ""));
        }
    }

    /** Long statements wrap under their own indent instead of under the status column. */
    private void wrapped(PrintWriter out, String indent, String text) {
        for (String line : wrap(text, width - indent.length())) {
            out.println(indent + line);
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('\n', ' ').split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
