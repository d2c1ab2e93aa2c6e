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
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.LineBreaks;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A report as a person reads it in a terminal: per lab its assertions with status and
 * statement, expected against actual where one failed, durations, and the teardown table. The
 * words are the learner's language; the labs' and assertions' texts come from the report's
 * translations, so a report made in English reads in Chinese and the other way round.
 */
final class TerminalReport {
    private static final String STATEMENT_INDENT = "         ";

    private final Terminal terminal;
    private final int width;
    private final Lang lang;
    private final Messages say;

    TerminalReport(Terminal terminal, int width, Lang lang) {
        this.terminal = terminal;
        this.width = Math.max(60, width);
        this.lang = lang;
        this.say = RunSummary.words(lang);
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
        out.println(terminal.bold(say.get("show.heading", r.runId(), ReportText.target(r.target(), lang))));
        out.println(terminal.dim(say.get("show.started", ReportText.instant(r.startedAt()),
                ReportText.duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis()), r.toolVersion())));
        if (untranslated(r)) {
            wrapped(out, "", say.get("show.untranslated"));
        }
        if (r.wasInterrupted()) {
            String interrupted = say.get("show.interrupted");
            wrapped(out, "", r.interrupted().labsNotRun().isEmpty() ? interrupted
                    : say.get("show.neverRan", interrupted, ReportText.list(r.interrupted().labsNotRun(), lang)));
        }
        for (LabReport lab : r.labs()) {
            out.println();
            lab(lab, out);
        }
        Verdict.Outcome outcome = Verdict.of(r).outcome();
        out.println();
        wrapped(out, "", say.get("show.verdict", terminal.bold(outcome.headline(lang)), outcome.meaning(lang)));
        wrapped(out, "", ProvenHere.of(r, FidelityMatrix.bundled()).sentence(lang));
        out.println(ReportText.totals(r.totals(), lang));
        out.flush();
    }

    /** A report written before reports carried translations has none for any lab: said once, not per text. */
    private boolean untranslated(RunReport r) {
        return lang != Lang.EN && !r.labs().isEmpty()
                && r.labs().stream().noneMatch(l -> l.lab().translations().containsKey(lang.tag()));
    }

    private void lab(LabReport lab, PrintWriter out) {
        LabReport.LabSummary s = lab.lab();
        out.println(terminal.badge(LabBadge.of(lab)) + "  " + terminal.bold(s.id()) + "  " + s.title(lang)
                + "  (" + ReportText.duration(lab.durationMs()) + ")");
        out.println(STATEMENT_INDENT + terminal.dim(say.get("show.cost", String.join(", ", s.services()),
                String.format(Locale.ROOT, "%.2f", s.costPerRunUsd()))));
        if (lab.skipReason() != null) {
            wrapped(out, STATEMENT_INDENT, say.get("show.notRun", lab.skipReason(lang)));
        }
        for (AssertionRecord a : lab.assertions()) {
            String duration = ReportText.duration(a.durationMs());
            out.println("  " + terminal.status(a.status()) + "  " + a.id() + "  "
                    + terminal.dim("(" + (a.localProof() ? say.get("show.localProof", duration) : duration) + ")"));
            wrapped(out, STATEMENT_INDENT, a.statement(lang));
            if (a.status() == Status.FAIL) {
                wrapped(out, STATEMENT_INDENT, say.get("show.expected", a.expected()));
                wrapped(out, STATEMENT_INDENT, say.get("show.actual", a.actual()));
            }
            if (a.reason() != null) {
                wrapped(out, STATEMENT_INDENT, say.get("show.reason", a.reason(lang)));
            }
            if (a.note() != null) {
                wrapped(out, STATEMENT_INDENT, say.get("show.note", a.note(lang)));
            }
        }
        teardown(lab, out);
        lab.notes(lang).forEach(n -> wrapped(out, "  ", say.get("show.note", n)));
    }

    private void teardown(LabReport lab, PrintWriter out) {
        if (lab.teardown().isEmpty()) {
            out.println("  " + say.get("show.nothingCreated"));
            return;
        }
        out.println("  " + say.get("show.teardown"));
        int typeWidth = lab.teardown().stream().mapToInt(t -> Columns.of(t.type())).max().orElse(0);
        for (TeardownRecord t : lab.teardown()) {
            String message = ReportText.teardownDetail(t, lang);
            out.println("    " + terminal.outcome(t.outcome()) + "  " + Columns.pad(t.type(), typeWidth)
                    + "  " + t.id() + "  " + terminal.dim("(" + ReportText.duration(t.durationMs()) + ")")
                    + (message != null ? "  " + message : ""));
        }
    }

    /** Long statements wrap under their own indent instead of under the status column; Chinese between characters. */
    private void wrapped(PrintWriter out, String indent, String text) {
        for (String line : LineBreaks.wrap(text, width - indent.length())) {
            out.println(indent + line);
        }
    }
}
