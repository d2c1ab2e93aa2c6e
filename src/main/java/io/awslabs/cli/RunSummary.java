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
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code labs run} prints on stdout when the labs are done: each lab with its badge and
 * assertions, the verdict with what was proven on this target and what was not, the report
 * files, and what to do next, in the run's language. Status words, ids and commands read as
 * they are typed in either.
 */
final class RunSummary {
    private final RunReport report;
    private final Verdict verdict;
    private final ProvenHere proven;
    private final Terminal terminal;
    private final Lang lang;
    private final Messages say;

    RunSummary(RunReport report, Verdict verdict, Optional<FidelityMatrix> matrix, Terminal terminal, Lang lang) {
        this.report = report;
        this.verdict = verdict;
        this.proven = ProvenHere.of(report, matrix);
        this.terminal = terminal;
        this.lang = lang;
        this.say = words(lang);
    }

    /** The words of the summary and of {@code labs report show} in {@code lang}. */
    static Messages words(Lang lang) {
        return Messages.of(RunSummary.class, "summary", lang);
    }

    void print(PrintWriter out, Map<ReportFormat, Path> files) {
        // the two teardown labels share a column, however wide each is in this language
        String leftBehind = say.get("summary.leftBehind"), scheduled = say.get("summary.scheduled");
        int labelWidth = Math.max(Columns.of(leftBehind), Columns.of(scheduled));
        out.println();
        for (LabReport lab : report.labs()) {
            out.println(say.get("summary.lab", terminal.badge(LabBadge.of(lab)), lab.lab().id(),
                    ReportText.duration(lab.durationMs())));
            lab.assertions().forEach(a -> {
                String line = a.localProof() ? say.get("summary.localProof", a.id()) : a.id();
                String reason = a.reason(lang);
                out.println("    " + terminal.status(a.status()) + "  "
                        + (reason != null ? say.get("summary.reason", line, reason) : line));
            });
            if (lab.skipReason() != null) {
                out.println("    " + say.get("summary.skipped", lab.skipReason(lang)));
            }
            lab.notes(lang).forEach(n -> out.println("    " + say.get("summary.note", n)));
            lab.teardown().stream().filter(t -> t.outcome().leftSomething()).forEach(t -> out.println("    "
                    + Columns.pad(leftBehind, labelWidth) + "  " + say.get("summary.resource", t.type(), t.id(), t.outcome())));
            lab.teardown().stream().filter(t -> t.outcome() == TeardownRecord.Outcome.SCHEDULED).forEach(t ->
                    out.println("    " + Columns.pad(scheduled, labelWidth) + "  "
                            + say.get("summary.resourceDetail", t.type(), t.id(), ReportText.teardownDetail(t, lang))));
        }
        out.println();
        out.println(ReportText.totals(report.totals(), lang));
        if ("endpoint".equals(report.target().kind()) && report.target().emulator() == null) {
            out.println(say.get("summary.endpointUnknown"));
        }
        out.println(headline());
        files.values().forEach(file -> out.println(say.get("summary.report", file)));
    }

    /** What {@code --keep} left and how to reach it. */
    void printKept(PrintWriter out, String runId) {
        out.println(say.get("summary.kept", runId));
    }

    /** How to point the AWS CLI at what a background emulator keeps, and how to stop it. */
    void printLookAround(PrintWriter out, String emulator, long idleHours, String endpoint, String region) {
        out.println(say.get("summary.keptBy", emulator, idleHours));
        out.println(say.get("summary.lookWith"));
        out.println("  export AWS_ENDPOINT_URL=" + endpoint + " AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "
                + "AWS_DEFAULT_REGION=" + region);
        out.println("  aws s3 ls   # " + say.get("summary.anyCommand"));
        out.println(say.get("summary.stopWith"));
    }

    void printJournalKept(PrintWriter out, Path journal, String runId) {
        out.println(say.get("summary.journalKept", journal, runId));
    }

    /** "Partly proven: 6 of 7 proven on moto; 1 not shown here: 1 can be proven with --target localstack". */
    String headline() {
        String sentence = proven.sentence(lang);
        if (verdict.outcome() == Verdict.Outcome.TEARDOWN_INCOMPLETE) {
            int n = verdict.problems().stream().filter(p -> p.scope() == Verdict.Scope.TEARDOWN).toList().size();
            sentence = say.get("summary.leftCount", n, sentence);
        }
        return say.get("summary.headline", terminal.bold(verdict.outcome().headline(lang)), sentence);
    }

    /**
     * Every run ends with what to do next: read the report, prove elsewhere what could not be
     * proven here, clean up what was left.
     */
    void printNextSteps(PrintWriter out, Map<ReportFormat, Path> files, boolean somethingToCleanUp) {
        List<String[]> steps = new ArrayList<>();
        Path json = files.get(ReportFormat.JSON);
        Path html = files.get(ReportFormat.HTML);
        steps.add(new String[] {"labs report show " + json, say.get("next.show")});
        steps.add(html != null ? new String[] {"open " + html, say.get("next.open")}
                : new String[] {"labs run ... --report-format html", say.get("next.html")});
        proven.provableWith().forEach((emulator, n) -> steps.add(new String[] {
                "labs run " + labs(proven.labsProvableWith(emulator)) + " --target " + emulator,
                say.get("next.provableWith", n, proven.target())}));
        if (proven.onlyOnAws() > 0) {
            steps.add(new String[] {"labs run " + labs(proven.notShown().stream()
                    .filter(s -> s.elsewhere().equals(ProvenHere.NotShown.ONLY_AWS)).map(ProvenHere.NotShown::lab)
                    .distinct().toList()) + " --target aws --profile NAME --account ID",
                    say.get("next.onlyAws", proven.onlyOnAws())});
        }
        if (somethingToCleanUp) {
            steps.add(new String[] {"labs cleanup --run-id " + report.runId(), say.get("next.cleanup")});
        }
        int width = steps.stream().mapToInt(s -> Columns.of(s[0])).max().orElse(0);
        String next = say.get("summary.next");
        out.println();
        for (int i = 0; i < steps.size(); i++) {
            out.println((i == 0 ? next : " ".repeat(Columns.of(next))) + " " + Columns.pad(steps.get(i)[0], width)
                    + "   # " + steps.get(i)[1]);
        }
    }

    /** A few lab ids as they go on the command line; many are simpler as --all. */
    private static String labs(List<String> ids) {
        return ids.size() > 3 ? "--all" : String.join(" ", ids);
    }
}
